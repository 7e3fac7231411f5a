"""An event says whether it is open for registration, happening now, or over — never "Register"
when one can no longer register."""

import datetime

import pytest

from tests.utils import soup

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()
URL = "https://example.org/register"


def days(n):
    return TODAY + datetime.timedelta(days=n)


def registration(client, event):
    page = soup(client.get(event.url))
    dd = page.select_one(".facts").find("dt", string="Registration").find_next_sibling("dd")
    return page, dd


def test_upcoming_event_with_open_registration_offers_register(client, make_event):
    event = make_event(start_date=days(10), registration_url=URL, registration_deadline=days(5))
    _page, dd = registration(client, event)
    assert dd.find("a", string="Register")["href"] == URL
    assert "Until" in dd.get_text()


def test_registration_closed_after_the_deadline(client, make_event, events_page):
    event = make_event(
        title="Closed workshop",
        start_date=days(10),
        registration_url=URL,
        registration_deadline=days(-1),
    )
    _page, dd = registration(client, event)
    assert dd.get_text(strip=True) == "Registration closed"
    assert dd.find("a") is None
    card = (
        soup(client.get(events_page.url)).find("a", string="Closed workshop").find_parent("article")
    )
    assert "Registration closed" in card.get_text()


def test_running_event_says_happening_now_instead_of_register(client, make_event, events_page):
    event = make_event(
        title="Three-day summit",
        start_date=days(-1),
        end_date=days(1),
        registration_url=URL,
        registration_deadline=days(-3),
    )
    page, dd = registration(client, event)
    assert dd.get_text(strip=True) == "Happening now"
    assert page.find(string="Register") is None
    assert "This event is happening now." in page.select_one("[role=status]").get_text()
    card = (
        soup(client.get(events_page.url))
        .find("a", string="Three-day summit")
        .find_parent("article")
    )
    assert "Happening now" in card.get_text()


def test_past_event_says_so(client, make_event):
    event = make_event(start_date=days(-10), registration_url=URL)
    page, dd = registration(client, event)
    assert dd.get_text(strip=True) == "Past event"
    assert "This event has already taken place." in page.get_text()
    assert page.find(string="Register") is None


def test_cancelled_event_offers_no_registration(client, make_event):
    event = make_event(start_date=days(10), registration_url=URL, status="cancelled")
    page, dd = registration(client, event)
    assert page.find("a", string="Register") is None
    assert dd.get_text(strip=True) == "Registration closed"


def test_cancelled_event_during_its_dates_is_not_happening(client, make_event):
    event = make_event(
        start_date=days(-1), end_date=days(1), registration_url=URL, status="cancelled"
    )
    page, dd = registration(client, event)
    assert dd.get_text(strip=True) == "Registration closed"
    assert "This event is happening now." not in page.get_text()
