"""The month calendar: its filters count what the month shows, and an empty month says so and
leads to the next month that has events."""

import datetime

import pytest

from tests.utils import facet_counts, soup

pytestmark = pytest.mark.django_db


def month_start(months_ahead):
    first = datetime.date.today().replace(day=1)
    for _ in range(months_ahead):
        first = (first + datetime.timedelta(days=32)).replace(day=1)
    return first


@pytest.fixture
def months(make_event):
    this, later = month_start(1), month_start(3)
    make_event(title="Swedish workshop", country="se", start_date=this.replace(day=10))
    make_event(title="Second Swedish workshop", country="se", start_date=this.replace(day=20))
    make_event(title="Prague seminar", country="cz", start_date=later.replace(day=5))
    return this, later


def month_url(events_page, first, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"{events_page.url}?view=month&month={first:%Y-%m}" + (f"&{query}" if query else "")


def test_month_facets_count_the_events_of_that_month(client, events_page, months):
    this, later = months
    assert facet_counts(client.get(month_url(events_page, this)), "country") == {"se": 2}
    assert facet_counts(client.get(month_url(events_page, later)), "country") == {"cz": 1}


def test_empty_month_says_so_and_links_to_the_next_month_with_matching_events(
    client, events_page, months
):
    this, later = months
    page = soup(client.get(month_url(events_page, this, country="cz")))
    empty = page.select_one(".empty-state")
    month = this.strftime("%B %Y")
    assert empty.h3.get_text(strip=True) == f"No events in {month}"
    link = empty.find("a")
    assert link.get_text(strip=True) == f"Next month with events: {later:%B %Y}"
    assert f"month={later:%Y-%m}" in link["href"] and "country=cz" in link["href"]
    following = soup(client.get(events_page.url + link["href"]))
    assert following.select_one(".empty-state") is None
    assert [a.get_text(strip=True) for a in following.select("table.month a bdi")] == [
        "Prague seminar"
    ]


def test_empty_month_after_the_last_events_links_back_to_them(client, events_page, months):
    _this, later = months
    after = month_start(6)
    link = soup(client.get(month_url(events_page, after, country="cz"))).select_one(
        ".empty-state a"
    )
    assert link.get_text(strip=True) == f"Latest month with events: {later:%B %Y}"


def test_month_with_events_has_no_empty_message(client, events_page, months):
    this, _later = months
    assert soup(client.get(month_url(events_page, this))).select_one(".empty-state") is None


def test_each_day_names_its_weekday_and_month_for_phones(client, events_page, months):
    """On phones (portal.css) a day shows "Wednesday · 10 December 2026", not only "10"."""
    this, _later = months
    day = this.replace(day=10)
    page = soup(client.get(month_url(events_page, this)))
    link = next(a for a in page.select(".month a") if a.get_text().endswith(" Swedish workshop"))
    cell = link.find_parent("td")
    assert cell.select_one(".month__day").get_text(" ", strip=True) == f"10 {day:%B}"
    assert cell.select_one(".month__full").get_text(strip=True) == f"{day:%A} · 10 {day:%B %Y}"
