"""The practice library: every filter, its counts, combinations, sorting, pagination."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from portal.models import Revision
from tests.utils import card_titles, facet_counts, soup, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices(make_practice, make_organisation):
    municipality = make_organisation("municipality", "se", name="City of Norrvik", slug="norrvik")
    ngo = make_organisation("ngo", "de", name="Neighbours e.V.", slug="neighbours")
    language_cafe = make_practice(
        title="Language café",
        organisation=municipality,
        action_areas=["education-and-training"],
        sub_themes=["language-learning"],
        countries=["se"],
        target_groups=["refugees"],
        funding_instruments=["amif"],
        implementation_level="local",
        evidence_level="external",
        migrant_participation="with-migrants",
        continuation="ongoing",
        start_date="2019-03-01",
    )
    mentoring = make_practice(
        title="Job mentoring for women",
        organisation=ngo,
        action_areas=["employment-and-skills", "education-and-training"],
        sub_themes=["labour-market-integration"],
        countries=["de"],
        target_groups=["women"],
        funding_instruments=["esf-plus"],
        implementation_level="regional",
        evidence_level="internal",
        migrant_participation="migrant-led",
        continuation="finished",
        start_date="2018-01-01",
        end_date="2021-06-30",
    )
    housing = make_practice(
        title="Shared flats with students",
        organisation=ngo,
        action_areas=["housing"],
        countries=["se", "dk"],
        target_groups=["refugees", "children-and-youth"],
        funding_instruments=["erdf", "amif"],
        implementation_level="national",
        evidence_level="none",
        migrant_participation="neither",
        continuation="regular-service",
        start_date="2019-09-01",
    )
    draft = make_practice(title="Unpublished draft", action_areas=["housing"], live=False)
    private = make_practice(title="Members-only practice", action_areas=["housing"])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return {"cafe": language_cafe, "mentoring": mentoring, "housing": housing, "draft": draft}


def get(client, query=""):
    return client.get("/en/practices/" + query)


def test_lists_only_public_live_practices(client, practices):
    response = get(client)
    assert sorted(card_titles(response)) == [
        "Job mentoring for women",
        "Language café",
        "Shared flats with students",
    ]
    assert "3 practices" in text(response)


def test_counts_without_filters(client, practices):
    response = get(client)
    assert facet_counts(response, "area") == {
        "education-and-training": 2,
        "employment-and-skills": 1,
        "housing": 1,
    }
    assert facet_counts(response, "country") == {"se": 2, "de": 1, "dk": 1}
    assert facet_counts(response, "orgtype") == {"municipality": 1, "ngo": 2}
    assert facet_counts(response, "status") == {"ongoing": 2, "finished": 1}
    assert facet_counts(response, "year") == {"2019": 2, "2018": 1}
    assert facet_counts(response, "funding") == {"amif": 2, "esf-plus": 1, "erdf": 1}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?area=housing", ["Shared flats with students"]),
        ("?theme=language-learning", ["Language café"]),
        ("?country=se", ["Language café", "Shared flats with students"]),
        ("?orgtype=ngo", ["Job mentoring for women", "Shared flats with students"]),
        ("?target=refugees", ["Language café", "Shared flats with students"]),
        ("?funding=amif", ["Language café", "Shared flats with students"]),
        ("?level=regional", ["Job mentoring for women"]),
        ("?evidence=external", ["Language café"]),
        ("?participation=migrant-led", ["Job mentoring for women"]),
        ("?status=finished", ["Job mentoring for women"]),
        ("?status=ongoing", ["Language café", "Shared flats with students"]),
        ("?year=2019", ["Language café", "Shared flats with students"]),
    ],
)
def test_each_filter(client, practices, query, expected):
    assert sorted(card_titles(get(client, query))) == expected


def test_options_within_a_filter_widen_and_filters_narrow(client, practices):
    either = get(client, "?area=housing&area=employment-and-skills")
    assert sorted(card_titles(either)) == ["Job mentoring for women", "Shared flats with students"]
    both = get(client, "?country=se&orgtype=ngo")
    assert card_titles(both) == ["Shared flats with students"]


def test_counts_follow_the_other_filters(client, practices):
    response = get(client, "?country=se")
    # Other facets count only Swedish practices…
    assert facet_counts(response, "area") == {"education-and-training": 1, "housing": 1}
    assert facet_counts(response, "orgtype") == {"municipality": 1, "ngo": 1}
    # …while the country facet still offers the alternatives.
    assert facet_counts(response, "country") == {"se": 2, "de": 1, "dk": 1}


def test_active_filter_chip_removes_its_filter(client, practices):
    response = get(client, "?country=se&orgtype=ngo")
    chips = soup(response).select(".chips a.chip")
    assert len(chips) == 2
    remove_ngo = next(chip for chip in chips if "NGO" in chip.get_text())
    after = client.get("/en/practices/" + remove_ngo["href"])
    assert sorted(card_titles(after)) == ["Language café", "Shared flats with students"]


def test_no_results_state(client, practices):
    response = get(client, "?area=health")
    assert card_titles(response) == []
    assert "No practices match these filters" in text(response)
    assert "0 practices" in text(response)


def test_unknown_parameters_and_values_are_harmless(client, practices):
    response = get(client, "?colour=blue&year=abc&sort=sideways&page=x")
    assert response.status_code == 200


def test_sort_by_title(client, practices):
    assert card_titles(get(client, "?sort=title")) == [
        "Job mentoring for women",
        "Language café",
        "Shared flats with students",
    ]


def test_newest_first_by_default(client, practices):
    assert card_titles(get(client))[0] == "Shared flats with students"


def test_pagination_keeps_filters(client, make_practice):
    for number in range(15):
        make_practice(title=f"Practice {number:02d}", action_areas=["health"])
    first = get(client, "?area=health&sort=title")
    assert len(card_titles(first)) == 12
    next_link = soup(first).select_one('.pagination a[rel="next"]')["href"]
    assert "area=health" in next_link
    second = client.get("/en/practices/" + next_link)
    assert card_titles(second) == ["Practice 12", "Practice 13", "Practice 14"]
    beyond = get(client, "?area=health&sort=title&page=99")
    assert card_titles(beyond) == card_titles(second)


def count_queries(client, query=""):
    with CaptureQueriesContext(connection) as captured:
        assert get(client, query).status_code == 200
    return len(captured)


def test_query_count_does_not_grow_with_results(client, make_practice, practices):
    get(client)  # warm Wagtail's own caches (site root paths)
    Revision.bump(Revision.PRACTICES)
    # The first request after a change rebuilds the facet index; later ones reuse it.
    rebuild, warm = count_queries(client), count_queries(client)
    filtered = count_queries(client, "?country=se&orgtype=ngo")
    for number in range(12):
        make_practice(
            title=f"More {number}",
            action_areas=["housing", "health"],
            countries=["se", "de"],
            target_groups=["women"],
        )
    assert count_queries(client) == rebuild
    assert count_queries(client) == warm
    assert count_queries(client, "?country=se&orgtype=ngo") == filtered
    assert warm <= 30, warm


def test_changes_show_up_immediately(client, practices):
    assert "Language café" in card_titles(get(client, "?country=se"))
    practices["cafe"].unpublish()
    assert "Language café" not in card_titles(get(client, "?country=se"))
    assert facet_counts(get(client), "country") == {"se": 1, "de": 1, "dk": 1}
    practices["draft"].save_revision().publish()
    assert facet_counts(get(client), "area")["housing"] == 2


def test_cards_say_when_the_text_is_in_another_language(client, make_practice):
    make_practice(title="Language café")
    make_practice(title="Jobbspår", summary="Ett spår till jobb.", language="sv")

    def badges(url):
        cards = soup(client.get(url)).select(".card")
        return {
            card.select_one(".card__title").get_text(strip=True): [
                badge.get_text(" ", strip=True) for badge in card.select(".card__language")
            ]
            for card in cards
        }

    assert badges("/en/practices/") == {"Language café": [], "Jobbspår": ["Language: Swedish"]}
    swedish = badges("/sv/practices/")
    assert swedish["Jobbspår"] == []
    assert swedish["Language café"][0].endswith("Engelska")
