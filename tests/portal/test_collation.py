"""Country names sort in each language's alphabetical order (portal.collation), in the filters
and in the organisation directory."""

import pytest

from portal.collation import collation_key
from practices.models import PracticeIndexPage
from tests.utils import soup


def in_order(names, language):
    return sorted(names, key=lambda name: collation_key(name, language))


def test_swedish_puts_a_ring_and_umlauts_after_z():
    names = ["Österrike", "Sverige", "Nederländerna", "Polen", "Åland", "Zambia", "Ägypten"]
    assert in_order(names, "sv") == [
        "Nederländerna",
        "Polen",
        "Sverige",
        "Zambia",
        "Åland",
        "Ägypten",
        "Österrike",
    ]


def test_german_sorts_umlauts_with_their_vowel():
    names = ["Österreich", "Schweden", "Niederlande", "Polen", "Ozeanien", "Ägypten", "Albanien"]
    assert in_order(names, "de") == [
        "Ägypten",
        "Albanien",
        "Niederlande",
        "Österreich",
        "Ozeanien",
        "Polen",
        "Schweden",
    ]


def test_arabic_follows_the_arabic_alphabet_with_hamza_forms_as_alef():
    # Belgium, Austria, Germany, Sweden, Spain, France, Malta, Netherlands, Greece
    names = [
        "بلجيكا",
        "النمسا",
        "ألمانيا",
        "السويد",
        "إسبانيا",
        "فرنسا",
        "مالطة",
        "هولندا",
        "اليونان",
    ]
    assert in_order(names, "ar") == [
        "إسبانيا",
        "السويد",
        "ألمانيا",
        "النمسا",
        "اليونان",
        "بلجيكا",
        "فرنسا",
        "مالطة",
        "هولندا",
    ]


@pytest.mark.parametrize(
    ("language", "names", "expected"),
    [
        (
            "pl",
            ["Łotwa", "Litwa", "Luksemburg", "Malta"],
            ["Litwa", "Luksemburg", "Łotwa", "Malta"],
        ),
        ("cs", ["Chorvatsko", "Česko", "Cypr", "Irsko"], ["Cypr", "Česko", "Chorvatsko", "Irsko"]),
        (
            "uk",
            ["Йорданія", "Італія", "Ірландія", "Китай"],
            ["Ірландія", "Італія", "Йорданія", "Китай"],
        ),
        ("en", ["Åland", "Zambia", "Austria"], ["Åland", "Austria", "Zambia"]),
    ],
)
def test_letters_of_their_own_in_other_alphabets(language, names, expected):
    assert in_order(names, language) == expected


def test_case_and_accents_only_break_ties():
    assert in_order(["éa", "Ea", "ea", "eb"], "fr") == ["Ea", "ea", "éa", "eb"]


@pytest.fixture
def countries(make_practice):
    for code in ("at", "nl", "pl", "se", "de", "no", "cz"):
        make_practice(title=f"Practice in {code}", countries=[code])


def country_labels(client, url):
    page = soup(client.get(url))
    boxes = page.select('input[type=checkbox][name="country"]')
    return [page.find("label", attrs={"for": box["id"]}).get_text(" ", strip=True) for box in boxes]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("sv", ["Nederländerna", "Norge", "Polen", "Sverige", "Tjeckien", "Tyskland", "Österrike"]),
        (
            "de",
            [
                "Deutschland",
                "Niederlande",
                "Norwegen",
                "Österreich",
                "Polen",
                "Schweden",
                "Tschechien",
            ],
        ),
        # Czechia, Sweden, Germany, Norway, Austria (with a shadda, ignored), Poland, Netherlands
        ("ar", ["التشيك", "السّويد", "ألمانيا", "النّرويج", "النّمسا", "بولندا", "هولندا"]),
    ],
)
def test_library_country_filter_in_the_readers_alphabetical_order(
    client, countries, language, expected
):
    library = PracticeIndexPage.for_language(language)
    labels = [label.rsplit(" (", 1)[0] for label in country_labels(client, library.url)]
    assert labels == expected


@pytest.mark.django_db
def test_directory_country_list_in_the_readers_alphabetical_order(client, make_organisation):
    for code, slug in (("at", "wien"), ("se", "malmo"), ("de", "berlin"), ("nl", "delft")):
        make_organisation("ngo", code, name=f"Welcome {slug}", slug=slug)
    options = soup(client.get("/sv/organisations/")).select("#org-country option")
    assert [o.get_text(strip=True) for o in options[1:]] == [
        "Nederländerna",
        "Sverige",
        "Tyskland",
        "Österrike",
    ]
