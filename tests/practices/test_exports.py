"""Exports of the library, search and events as CSV, JSON and Excel: the same results as the
page, with every filter; formulas neutralised; nothing that is not public."""

import csv
import io
import json

from wagtail.models import PageViewRestriction

import openpyxl
import pytest

from portal.exports import FORMATS
from practices.records import COLUMNS
from tests.search.conftest import engine, engine_url, index_now, use_engine  # noqa: F401
from tests.utils import card_titles, soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices(make_practice, make_organisation):
    norrvik = make_organisation("municipality", "se", name="City of Norrvik", slug="norrvik")
    ngo = make_organisation("ngo", "de", name="Neighbours e.V.", slug="neighbours")
    make_practice(
        title="Language café for newcomers",
        organisation=norrvik,
        action_areas=["education-and-training"],
        sub_themes=["language-learning"],
        countries=["se"],
        target_groups=["refugees"],
        start_date="2019-03-01",
    )
    make_practice(
        title='=HYPERLINK("http://evil.example","Job mentoring") café',
        summary="+cmd|' /C calc'!A0 mentoring for newcomers",
        organisation=ngo,
        action_areas=["employment-and-skills", "education-and-training"],
        countries=["de"],
        target_groups=["women"],
        start_date="2018-01-01",
    )
    make_practice(
        title="Shared flats for newcomers",
        organisation=ngo,
        action_areas=["housing"],
        countries=["se", "dk"],
        start_date="2019-09-01",
    )
    make_practice(
        title="Secret draft for newcomers", action_areas=["education-and-training"], live=False
    )
    private = make_practice(
        title="Members-only café for newcomers", action_areas=["education-and-training"]
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")


def parsed(response, export_format):
    """The records of an export, as {column: value} with the values as the file holds them."""
    assert response.status_code == 200
    assert response["Content-Type"] == FORMATS[export_format]
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.streaming  # never built in memory, never page-cached
    body = b"".join(response.streaming_content)
    if export_format == "csv":
        return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    if export_format == "json":
        document = json.loads(body)
        return document.get("practices", document.get("events"))
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def titles(records):
    return [record["title"].removeprefix("'") for record in records]


def all_titles_shown(client, url):
    """Every card title of a listing, over all its pages."""
    shown, page = [], 1
    while True:
        response = client.get(f"{url}&page={page}")
        shown += card_titles(response)
        if not soup(response).select('a[rel="next"]'):
            return shown
        page += 1


@pytest.mark.parametrize("export_format", ["csv", "json", "xlsx"])
def test_library_export_holds_the_filtered_results_in_order(client, practices, export_format):
    url = "/en/practices/?area=education-and-training&sort=title"
    records = parsed(client.get(url + f"&export={export_format}"), export_format)
    assert titles(records) == card_titles(client.get(url))
    assert len(records) == 2
    assert list(records[0]) == COLUMNS
    cafe = next(r for r in records if r["title"] == "Language café for newcomers")
    assert cafe["organisation"] == "City of Norrvik"
    assert cafe["organisation_country"] == "se"
    if export_format == "json":
        assert cafe["action_areas"] == ["education-and-training"]
        assert cafe["sub_themes"] == ["language-learning"]
        assert cafe["start_date"] == "2019-03-01"
        assert cafe["licence"] == "https://creativecommons.org/licenses/by/4.0/"
    else:
        assert cafe["sub_themes"] == "language-learning"
        assert cafe["start_date"] == "2019-03-01"


def test_export_of_every_page_of_a_long_listing(client, make_practice):
    for number in range(30):
        make_practice(title=f"Practice number {number:02d}", action_areas=["housing"])
    records = parsed(client.get("/en/practices/?area=housing&export=json"), "json")
    assert titles(records) == all_titles_shown(client, "/en/practices/?area=housing")
    assert len(records) == 30


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_formula_cells_are_neutralised(client, practices, export_format):
    records = parsed(client.get(f"/en/practices/?export={export_format}"), export_format)
    mentoring = next(r for r in records if "HYPERLINK" in r["title"])
    assert mentoring["title"].startswith("'=HYPERLINK")
    assert mentoring["summary"].startswith("'+cmd")
    if export_format == "xlsx":
        body = b"".join(client.get("/en/practices/?export=xlsx").streaming_content)
        sheet = openpyxl.load_workbook(io.BytesIO(body)).active
        assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


@pytest.mark.parametrize("export_format", ["csv", "json", "xlsx"])
def test_search_export_equals_the_search_results(client, practices, engine, export_format):  # noqa: F811
    index_now()
    url = "/en/search/?q=newcomers&country=se"
    shown = all_titles_shown(client, url)
    assert sorted(shown) == ["Language café for newcomers", "Shared flats for newcomers"]
    records = parsed(client.get(url + f"&export={export_format}"), export_format)
    assert titles(records) == shown


def test_drafts_and_restricted_practices_are_never_exported(client, practices, engine):  # noqa: F811
    index_now()
    for url in ("/en/practices/?export=json", "/en/search/?q=newcomers&export=json"):
        exported = titles(parsed(client.get(url), "json"))
        assert "Language café for newcomers" in exported
        assert "Secret draft for newcomers" not in exported
        assert "Members-only café for newcomers" not in exported


def test_events_export_follows_the_listing(client, make_event, make_organisation):
    make_event(title="Webinar on housing", action_areas=["housing"], start_date="2099-03-01")
    make_event(title="Study visit", action_areas=["employment-and-skills"], start_date="2099-04-01")
    make_event(title="Old housing fair", action_areas=["housing"], start_date="2001-04-01")
    url = "/en/events/?area=housing"
    for export_format in ("csv", "json", "xlsx"):
        records = parsed(client.get(url + f"&export={export_format}"), export_format)
        assert titles(records) == card_titles(client.get(url)) == ["Webinar on housing"]
    past = parsed(client.get("/en/events/?when=past&export=csv"), "csv")
    assert titles(past) == ["Old housing fair"]
    month = parsed(client.get("/en/events/?view=month&month=2099-04&export=json"), "json")
    assert titles(month) == ["Study visit"]


def test_unknown_format_is_a_clear_400(client, practices):
    for url in ("/en/practices/", "/en/search/?q=café&", "/en/events/"):
        response = client.get(url + ("&" if "?" in url else "?") + "export=pdf")
        assert response.status_code == 400
        assert "export=csv" in response.content.decode()


def test_every_listing_offers_the_download_in_the_readers_language(client, practices, make_event):
    make_event(title="Webinar on housing", start_date="2099-03-01")
    for url in ("/en/practices/?area=housing", "/en/search/?q=newcomers", "/en/events/"):
        links = soup(client.get(url)).select(".export a")
        assert [link.get_text(strip=True) for link in links] == ["CSV", "JSON", "Excel"]
        assert all("export=" in link["href"] for link in links)
    library = soup(client.get("/en/practices/?area=housing&page=1")).select(".export a")
    assert library[0]["href"] == "?area=housing&export=csv"
    assert not soup(client.get("/en/practices/?area=health")).select(".export")  # no results
    german = soup(client.get("/de/practices/")).select_one(".export__label")
    assert german.get_text(strip=True) == "Diese Ergebnisse herunterladen"
