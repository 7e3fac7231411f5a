"""Sharing a practice, an event or an organisation: OpenGraph and Twitter-card metadata, and
an event's "Add to Google Calendar" / "Outlook" links beside its .ics, with the reader's time."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest

from portal.factories import ImageFactory
from tests.utils import soup

pytestmark = pytest.mark.django_db


def meta(page):
    """{property or name: [content, …]} of a page's <meta> tags."""
    found = {}
    for tag in page.select("meta[property], meta[name]"):
        found.setdefault(tag.get("property") or tag.get("name"), []).append(tag["content"])
    return found


def test_a_practice_shares_title_summary_image_and_languages(client, make_practice, translate):
    practice = make_practice(
        title="Homework club",
        summary="Volunteers help  pupils with homework\nafter school.",
        image=ImageFactory(title="Pupils at the club", file__width=1600, file__height=900),
    )
    translate(practice, "sv", {"Homework club": "Läxklubben"})
    tags = meta(soup(client.get(practice.url)))
    assert tags["og:title"] == ["Homework club"]
    assert tags["og:description"] == ["Volunteers help pupils with homework after school."]
    assert tags["og:url"] == ["http://testserver" + practice.url]
    assert tags["og:locale"] == ["en_US"]
    assert tags["og:locale:alternate"] == ["sv_SE"]
    assert tags["og:type"] == ["article"]
    image = tags["og:image"][0]
    assert image.startswith("http://testserver/") and ".fill-1200x630" in image
    assert tags["og:image:width"] == ["1200"] and tags["og:image:height"] == ["630"]
    assert tags["og:image:alt"] == ["Pupils at the club"]
    assert tags["twitter:card"] == ["summary_large_image"]
    assert tags["twitter:image"] == [image]
    assert tags["twitter:title"] == ["Homework club"]


def test_a_practice_without_an_image_shares_a_small_card(client, make_practice):
    practice = make_practice(title="Job coaching")
    tags = meta(soup(client.get(practice.url)))
    assert "og:image" not in tags
    assert tags["twitter:card"] == ["summary"]


def test_an_organisation_shares_its_logo_in_the_readers_language(client, make_organisation):
    make_organisation(
        "ngo",
        "se",
        name="Welcome House",
        slug="welcome-house",
        description="Meeting place for newcomers in Malmö.",
        logo=ImageFactory(title="Welcome House logo"),
    )
    tags = meta(soup(client.get("/sv/organisations/welcome-house/")))
    assert tags["og:title"] == ["Welcome House"]
    assert tags["og:description"] == ["Meeting place for newcomers in Malmö."]
    assert tags["og:url"] == ["http://testserver/sv/organisations/welcome-house/"]
    assert tags["og:locale"] == ["sv_SE"]
    assert "en_US" in tags["og:locale:alternate"] and "ar_EG" in tags["og:locale:alternate"]
    assert "sv_SE" not in tags["og:locale:alternate"]
    assert ".max-600x600" in tags["og:image"][0]
    assert tags["twitter:card"] == ["summary"]


@pytest.fixture
def webinar(make_event):
    start = datetime.date.today() + datetime.timedelta(days=10)
    return make_event(
        title="Webinar on housing first",
        summary="How Finland ended homelessness.",
        start_date=start,
        start_time=datetime.time(10, 0),
        end_time=datetime.time(12, 0),
        timezone="Europe/Helsinki",
        online_url="https://meet.example.org/housing",
    )


def test_an_event_offers_google_and_outlook_beside_the_ics(client, webinar):
    page = soup(client.get(webinar.url))
    links = page.select_one(".calendar-links")
    labels = [a.get_text(strip=True) for a in links.select("a")]
    assert labels == ["Add to calendar (.ics)", "Add to Google Calendar", "Add to Outlook"]
    day = webinar.start_date.strftime("%Y%m%d")

    google = links.find("a", string="Add to Google Calendar")["href"]
    assert google.startswith("https://calendar.google.com/calendar/render?")
    query = parse_qs(urlsplit(google).query)
    assert query["text"] == ["Webinar on housing first"]
    assert query["dates"] == [f"{day}T080000Z/{day}T100000Z"]  # 10:00–12:00 in Helsinki
    assert query["ctz"] == ["Europe/Helsinki"]
    assert "https://meet.example.org/housing" in query["details"][0]
    assert "http://testserver" + webinar.url in query["details"][0]

    outlook = links.find("a", string="Add to Outlook")["href"]
    assert outlook.startswith("https://outlook.live.com/calendar/0/deeplink/compose?")
    query = parse_qs(urlsplit(outlook).query)
    assert query["subject"] == ["Webinar on housing first"]
    iso = webinar.start_date.isoformat()
    assert query["startdt"] == [f"{iso}T08:00:00Z"] and query["enddt"] == [f"{iso}T10:00:00Z"]

    tags = meta(page)
    assert tags["og:title"] == ["Webinar on housing first"]
    assert tags["og:description"] == ["How Finland ended homelessness."]


def test_an_all_day_event_links_whole_days(client, make_event):
    start = datetime.date.today() + datetime.timedelta(days=30)
    event = make_event(title="Integration fair", start_date=start, all_day=True)
    links = soup(client.get(event.url)).select_one(".calendar-links")
    google = parse_qs(urlsplit(links.find("a", string="Add to Google Calendar")["href"]).query)
    after = start + datetime.timedelta(days=1)
    assert google["dates"] == [f"{start:%Y%m%d}/{after:%Y%m%d}"]
    outlook = parse_qs(urlsplit(links.find("a", string="Add to Outlook")["href"]).query)
    assert outlook["allday"] == ["true"] and outlook["startdt"] == [start.isoformat()]


def test_the_readers_time_zone_is_filled_in_by_a_static_script(client, webinar):
    page = soup(client.get(webinar.url))
    local = page.select_one(".local-time")
    assert local.has_attr("hidden")  # without JavaScript only the event's zone shows
    assert local["data-zone"] == "Europe/Helsinki"
    assert local["data-start"].endswith("10:00:00+02:00") or local["data-start"].endswith(
        "10:00:00+03:00"
    )
    assert page.find("script", src="/static/js/local-time.js")
    assert "Times in the event's time zone (Europe/Helsinki)." in page.get_text()
