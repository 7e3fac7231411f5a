"""The monitoring dashboard: its numbers are the library's for the same filters, every chart has
a table, a summary and a CSV equal to the table, gaps are shown, and its links lead into the
library (and the events listing) with that filter."""

import csv
import datetime
import io
import re

from django.utils import timezone

import pytest

from tests.utils import facet_counts, soup, text

from . import test_library

practices = test_library.practices  # the library's tests' practices, for the same counts

pytestmark = pytest.mark.django_db

BAR_CHARTS = ("country", "area", "year", "target", "evidence")
FILTERS = ["", "?country=se", "?area=housing&area=education-and-training", "?orgtype=ngo&year=2019"]


def dashboard(client, query=""):
    response = client.get("/en/monitoring/" + query)
    assert response.status_code == 200
    return response


def chart(response, slug):
    return soup(response).find("h2", id=f"chart-{slug}").find_parent("section")


def table_of(section):
    """[[cell text]] of a chart's data table, header first (the bar column left out)."""
    rows = []
    for hidden in section.select("table .visually-hidden"):
        hidden.decompose()  # "(no practice)" for screen readers, and the bar column's name
    for tr in section.select("table tr"):
        cells = [cell.get_text(" ", strip=True) for cell in tr.find_all(["th", "td"])]
        rows.append(cells[:2] if "chart__table" in tr.find_parent("table")["class"] else cells)
    return rows


def row_numbers(section):
    """{library filter value of the row's link: number shown} of a bar chart."""
    numbers = {}
    for tr in section.select("tbody tr"):
        link = tr.find("a")
        if link:
            value = int(tr.find("td", class_="num").get_text(strip=True))
            numbers[link["href"]] = value
    return numbers


def library_total(client, url):
    match = re.search(r"(\d+) practices?\b", text(client.get(url)))
    return int(match.group(1))


@pytest.mark.parametrize("query", FILTERS)
def test_numbers_equal_the_librarys_counts_for_the_same_filters(client, practices, query):
    page = dashboard(client, query)
    library = client.get("/en/practices/" + query)
    for param in BAR_CHARTS:
        shown = {
            re.search(rf"[?&]{param}=([\w-]+)(&|$)", href.replace("&amp;", "&"))[1]: number
            for href, number in row_numbers(chart(page, param)).items()
        }
        expected = facet_counts(library, param)
        assert {k: v for k, v in shown.items() if v} == expected, param


@pytest.mark.parametrize("query", FILTERS)
def test_each_link_leads_to_the_library_showing_that_many(client, practices, query):
    page = dashboard(client, query)
    for slug in ("area", "country-area", "funding-area"):
        section = chart(page, slug)
        for link in section.select("td.num a")[:8]:
            assert library_total(client, link["href"]) == int(link.get_text(strip=True))


def test_every_chart_has_a_title_summary_table_and_a_csv_equal_to_it(client, practices):
    page = dashboard(client, "?country=se")
    sections = soup(page).select("section.chart")
    assert len(sections) >= 9
    for section in sections:
        heading = section.find("h2")
        assert heading.get_text(strip=True)
        assert section.select_one(".chart__summary").get_text(strip=True)
        assert section.find("table").find("th", scope="col")
        download = section.select_one(".chart__download a")["href"]
        assert "country=se" in download
        response = client.get(download)
        assert response["Content-Type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows == table_of(section), heading


def test_gaps_are_named(client, practices):
    page = dashboard(client)
    matrix = chart(page, "country-area")
    sweden = next(tr for tr in matrix.select("tbody tr") if tr.th.get_text(strip=True) == "Sweden")
    assert "no practice" in sweden.get_text(" ")  # no Swedish health practice
    assert "fewer than 3" in sweden.get_text(" ")
    # Housing's only practice is not evaluated: more than half.
    unevaluated = chart(page, "unevaluated")
    assert "Most practices are not evaluated in: Housing" in unevaluated.get_text(" ")


def test_the_map_links_each_country_to_the_library(client, practices):
    map_chart = chart(dashboard(client), "country")
    sweden = map_chart.select_one('svg a[aria-label="Sweden: 2"]')
    assert sweden["href"].endswith("?country=se")
    assert map_chart.select_one('svg a[aria-label="Hungary: 0"]')  # an EU country without any


def test_upcoming_events_by_area_come_from_the_events_panel(client, practices, make_event):
    soon = timezone.localdate() + datetime.timedelta(days=20)
    make_event(title="Housing fair", action_areas=["housing"], start_date=soon.isoformat())
    make_event(title="Old fair", action_areas=["housing"], start_date="2020-01-01")
    events = chart(dashboard(client), "events")
    housing = next(tr for tr in events.select("tbody tr") if "Housing" in tr.th.get_text())
    assert housing.td.get_text(strip=True) == "1"
    assert housing.a["href"].endswith("?area=housing")
    listing = client.get(housing.a["href"])
    assert "Housing fair" in text(listing) and "Old fair" not in text(listing)


def test_bad_input_gets_a_clear_answer(client, practices):
    page = dashboard(client, "?year=abcd&country=zz&area=" + "x" * 300)
    assert "Practices matching these filters: 0" in text(page)
    assert client.get("/en/monitoring/nothing.csv").status_code == 404


def test_linked_from_every_pages_footer_and_in_every_language(client, practices):
    footer = soup(client.get("/en/")).select_one(".site-footer")
    assert footer.find("a", string="Monitoring dashboard")["href"] == "/en/monitoring/"
    assert "Monitoring dashboard" in text(dashboard(client))
    assert client.get("/sv/monitoring/").status_code == 200
    assert client.get("/ar/monitoring/").status_code == 200


def test_cached_and_changed_at_once(client, practices, make_practice, settings):
    settings.PAGE_CACHE_SECONDS = 300
    assert dashboard(client)["X-Page-Cache"] == "miss"
    assert dashboard(client)["X-Page-Cache"] == "hit"
    make_practice(title="Health mediators", action_areas=["health"], countries=["se"])
    page = dashboard(client)
    assert page["X-Page-Cache"] == "miss"
    assert "Practices matching these filters: 4" in text(page)
