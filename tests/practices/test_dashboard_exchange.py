"""The dashboard's exchange and follow-up charts (validation by action area, adoptions between
countries): the numbers that link into the library equal the library's counts for the same
filters, the CSV equals the table, and the gaps text names the areas where most practices are
neither evaluated nor validated."""

import csv
import datetime
import io

from django.utils import timezone

import pytest

from practices.models import PracticeAdoption, PracticeValidation
from tests.utils import facet_counts, soup

from . import test_library
from .test_dashboard import chart, dashboard, library_total, table_of

practices = test_library.practices

pytestmark = pytest.mark.django_db

FILTERS = ["", "?country=se", "?area=housing", "?target=refugees"]


def validate(page, days):
    """A validation record of `page` to be re-checked in `days` (negative: expired)."""
    return PracticeValidation.objects.create(
        practice=page,
        body="Integration Experts",
        recheck_on=timezone.localdate() + datetime.timedelta(days=days),
    )


def link(adopter, original):
    """Publish `adopter` linked "adapted from" `original`, as a submission does."""
    page = adopter.get_latest_revision_as_object()
    page.adapted_from.add(PracticeAdoption(original=original, kind="adapted-from"))
    page.save_revision().publish()


@pytest.fixture
def exchange(practices, make_practice, make_organisation, django_capture_on_commit_callbacks):
    """The library's practices, the café validated, the flats' validation expired, and the
    café (Sweden) taken up in Germany and Denmark, the flats (Sweden, Denmark) in Germany."""
    validate(practices["cafe"], 300)
    validate(practices["housing"], -3)
    berlin = make_practice(
        title="Café in Berlin",
        organisation=make_organisation("ngo", "de", name="Café Berlin", slug="cafe-berlin"),
        action_areas=["education-and-training"],
        countries=["de"],
        evidence_level="none",
    )
    aarhus = make_practice(
        title="Café in Aarhus", action_areas=["health"], countries=["dk"], evidence_level="none"
    )
    with django_capture_on_commit_callbacks(execute=True):
        link(berlin, practices["cafe"])
        link(aarhus, practices["cafe"])
        link(berlin, practices["housing"])
    return practices


def cells(section):
    """{(row label, column header): (number, link or None)} of a matrix."""
    headers = [th.get_text(strip=True) for th in section.select("thead th")]
    found = {}
    for tr in section.select("tbody tr"):
        label = tr.th.get_text(strip=True)
        for header, td in zip(headers[1:], tr.find_all("td"), strict=True):
            for hidden in td.select(".visually-hidden"):
                hidden.decompose()
            found[label, header] = (int(td.get_text(strip=True)), td.a and td.a["href"])
    return found


@pytest.mark.parametrize("query", FILTERS)
def test_validated_numbers_equal_the_librarys_counts(client, exchange, query):
    shown = cells(chart(dashboard(client, query), "validation"))
    assert shown, query
    for (area, column), (number, href) in shown.items():
        if href is None:  # none, or no library filter (expired, not validated)
            assert number == 0 or column in ("Validation expired", "Not validated")
        elif column == "Validated by experts":
            library = client.get(href)
            assert facet_counts(library, "validated").get("yes", 0) == number, (area, query)
            assert library_total(client, href) == number
        elif href:  # an evidence level
            assert library_total(client, href) == number, (area, column, query)


def test_validated_expired_and_not_validated_per_area(client, exchange):
    shown = cells(chart(dashboard(client), "validation"))
    education = "Education and training"
    assert shown[education, "Validated by experts"][0] == 1  # the café
    assert shown[education, "Validation expired"] == (0, None)
    assert shown[education, "Not validated"][0] == 2  # mentoring, Berlin
    assert shown["Housing", "Validation expired"][0] == 1  # the flats
    assert shown["Housing", "Not validated"][0] == 0


def test_the_gaps_text_counts_areas_mostly_unevaluated_and_not_validated(client, exchange):
    summary = chart(dashboard(client), "validation").select_one(".chart__summary").get_text()
    # Housing: the flats are not evaluated and their validation expired; health: the Aarhus
    # café; education: the Berlin café alone is neither evaluated nor validated, one of three.
    assert "neither evaluated nor validated by experts (2 of 4): Health, Housing." in summary


@pytest.mark.parametrize("query", FILTERS)
def test_adoptions_link_to_the_library_showing_that_many(client, exchange, query):
    section = chart(dashboard(client, query), "adoption")
    for (origin, column), (number, href) in cells(section).items():
        if not number:
            continue
        assert "adoption=adopted" in href and "country=" in href
        if column == "Adopted elsewhere":
            library = client.get(href)
            assert facet_counts(library, "adoption").get("adopted", 0) == number, (origin, query)
            assert library_total(client, href) == number


def test_adoptions_between_countries(client, exchange):
    section = chart(dashboard(client), "adoption")
    shown = {key: number for key, (number, _href) in cells(section).items()}
    assert shown["Sweden", "Adopted elsewhere"] == 2  # the café and the flats
    assert shown["Sweden", "Germany"] == 2
    assert shown["Sweden", "Denmark"] == 1
    assert shown["Denmark", "Germany"] == 1  # the flats are Danish too
    assert ("Germany", "Adopted elsewhere") not in shown  # nothing German was taken up
    assert cells(section)["Sweden", "Germany"][1].endswith("adoption=adopted&country=se")
    assert "Most frequent: from Sweden to Germany." in section.get_text()


def test_no_adoption_is_said_so(client, practices):
    section = chart(dashboard(client), "adoption")
    assert "has been taken up elsewhere yet" in section.get_text()
    assert section.find("th", scope="col")


@pytest.mark.parametrize("slug", ["validation", "adoption"])
def test_the_csv_equals_the_table(client, exchange, slug):
    page = dashboard(client, "?country=se")
    section = chart(page, slug)
    download = section.select_one(".chart__download a")["href"]
    response = client.get(download)
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == table_of(section)
    assert len(rows) > 1


def test_in_swedish_and_arabic(client, exchange):
    for language in ("sv", "ar"):
        page = client.get(f"/{language}/monitoring/")
        assert page.status_code == 200
        assert soup(page).find("h2", id="chart-adoption")
        assert soup(page).find("h2", id="chart-validation")
