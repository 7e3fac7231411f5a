"""Dates read the European way in every language (portal/formats/), and the home page's title."""

import datetime

import pytest

from portal.i18n import reader_url
from tests.utils import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop(make_event):
    year = datetime.date.today().year + 1
    return make_event(
        title="Workshop on welcoming newcomers",
        start_date=datetime.date(year, 11, 29),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(16, 0),
        registration_url="https://example.org/register",
        registration_deadline=datetime.date(year, 11, 20),
    )


def when(client, event, language):
    response = client.get(reader_url(event, language))
    assert response.status_code == 200
    return soup(response).select_one(".facts time").get_text(" ", strip=True)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "29 November {year}, 09:30"),
        ("sv", "29 november {year} 09:30"),
        ("de", "29. November {year} 09:30"),
        ("el", "29 Νοεμβρίου {year}, 09:30"),
        ("mt", "29 ta’ Novembru {year}, 09:30"),
        ("ar", "29 نوفمبر، {year}، 09:30"),
    ],
)
def test_event_dates_and_times_in_the_european_format_of_each_language(
    client, workshop, language, expected
):
    shown = when(client, workshop, language)
    assert shown == expected.format(year=workshop.start_date.year)
    assert "a.m." not in shown and "AM" not in shown and "ص" not in shown


def test_english_deadline_and_practice_months_read_day_month_year(client, workshop, make_practice):
    page = soup(client.get(workshop.url)).get_text(" ")
    assert f"Until 20 November {workshop.start_date.year}" in page
    practice = make_practice(
        start_date="2019-09-01", end_date=datetime.date(2021, 6, 30), continuation="finished"
    )
    facts = soup(client.get(practice.url)).select_one(".facts").get_text(" ")
    assert "September 2019 – June 2021" in facts


def test_home_title_names_the_site_once(client, home):
    assert soup(client.get("/en/")).title.get_text() == "Integra"


def test_other_pages_say_which_site_they_belong_to(client, library):
    assert soup(client.get(library.url)).title.get_text() == f"{library.title} · Integra"
