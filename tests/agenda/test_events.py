"""Event pages, the listing (filters, counts, upcoming/past, month view), feeds and JSON-LD."""

import datetime
import json
import xml.etree.ElementTree as ET

from django.core.exceptions import ValidationError
from django.utils import timezone

import icalendar
import pytest

from agenda.models import EventPage
from tests.utils import card_titles, facet_counts, soup, text

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def agenda(make_event, make_organisation, make_practice):
    ngo = make_organisation("ngo", "se", name="Welcome House", slug="welcome-house")
    practice = make_practice(title="Language café", organisation=ngo)
    return {
        "visit": make_event(
            title="Study visit to the language café",
            organisation=ngo,
            event_format="in-person",
            online_url="",
            venue="Library",
            city="Malmö",
            country="se",
            timezone="Europe/Stockholm",
            start_date=days(20),
            end_date=days(21),
            action_areas=["education-and-training"],
            languages=["en", "sv"],
            related_practices=[practice],
            is_free=False,
            cost_note="EUR 50",
        ),
        "webinar": make_event(
            title="Webinar on housing first",
            organisation=ngo,
            start_date=days(5),
            action_areas=["housing"],
            languages=["en"],
            country="de",
        ),
        "hybrid": make_event(
            title="Hybrid conference on health",
            organisation=ngo,
            event_format="hybrid",
            venue="Town hall",
            city="Lyon",
            country="fr",
            timezone="Europe/Paris",
            start_date=days(40),
            action_areas=["health"],
            languages=["fr", "en"],
        ),
        "running": make_event(
            title="Three-day training running now",
            organisation=ngo,
            start_date=days(-1),
            end_date=days(1),
            action_areas=["housing"],
            languages=["de"],
        ),
        "past": make_event(
            title="Last month's workshop",
            organisation=ngo,
            start_date=days(-30),
            action_areas=["housing"],
            languages=["en"],
        ),
        "cancelled": make_event(
            title="Cancelled roundtable",
            organisation=ngo,
            start_date=days(10),
            status="cancelled",
            action_areas=["cross-cutting"],
            languages=["en"],
        ),
        "draft": make_event(title="Draft event", organisation=ngo, start_date=days(12), live=False),
        "practice": practice,
        "organisation": ngo,
    }


def test_validation_messages():
    event = EventPage(
        title="x",
        slug="x",
        summary="s",
        start_date=days(5),
        end_date=days(4),
        start_time=datetime.time(10),
        end_time=datetime.time(9),
        event_format="online",
        online_url="",
        registration_deadline=days(6),
        timezone="Europe/Paris",
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    messages = {k: " ".join(v) for k, v in error.value.message_dict.items()}
    assert messages["end_date"] == "The event cannot end before it starts."
    assert messages["online_url"] == "An online or hybrid event needs its joining link."
    assert (
        messages["registration_deadline"]
        == "The registration deadline must be before the event starts."
    )
    event.end_date, event.event_format, event.online_url = days(5), "in-person", ""
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert error.value.message_dict["end_time"] == ["The end time must be after the start time."]
    assert error.value.message_dict["city"] == ["Where does the event take place? Give the city."]


def test_upcoming_and_past_split_at_now(client, events_page, agenda):
    upcoming = card_titles(client.get(events_page.url))
    assert upcoming == [
        "Three-day training running now",
        "Webinar on housing first",
        "Cancelled roundtable",
        "Study visit to the language café",
        "Hybrid conference on health",
    ]
    assert card_titles(client.get(events_page.url + "?when=past")) == ["Last month's workshop"]
    # An event that ended an hour ago is past.
    event = agenda["webinar"]
    now = timezone.localtime(timezone.now(), event.tz).replace(second=0, microsecond=0)
    start, end = now - datetime.timedelta(hours=3), now - datetime.timedelta(hours=1)
    # (Dates from the times themselves: shortly after midnight the event began yesterday.)
    event.start_date, event.start_time = start.date(), start.time()
    event.end_date, event.end_time = end.date(), end.time()
    event.save_revision().publish()
    assert "Webinar on housing first" in card_titles(client.get(events_page.url + "?when=past"))


def test_filters_and_counts(client, events_page, agenda):
    response = client.get(events_page.url)
    assert facet_counts(response, "area") == {
        "education-and-training": 1,
        "housing": 2,
        "health": 1,
        "cross-cutting": 1,
    }
    assert facet_counts(response, "format") == {"in-person": 1, "online": 3, "hybrid": 1}
    assert facet_counts(response, "language")["en"] == 4
    assert card_titles(client.get(events_page.url + "?format=hybrid")) == [
        "Hybrid conference on health"
    ]
    assert card_titles(client.get(events_page.url + "?language=sv")) == [
        "Study visit to the language café"
    ]
    assert card_titles(client.get(events_page.url + "?country=fr&country=de")) == [
        "Webinar on housing first",
        "Hybrid conference on health",
    ]
    month = f"{days(40):%Y-%m}"
    assert "Hybrid conference on health" in card_titles(
        client.get(events_page.url + f"?month={month}")
    )
    counted = client.get(events_page.url + "?area=housing")
    assert facet_counts(counted, "format") == {"online": 2}
    assert facet_counts(counted, "area")["health"] == 1  # other options keep their counts


def test_month_view_places_events_on_their_days(client, events_page, agenda):
    visit = agenda["visit"]
    response = client.get(events_page.url + f"?view=month&month={visit.start_date:%Y-%m}")
    cells = soup(response).select("table.month td")
    with_visit = [cell for cell in cells if "Study visit to the language café" in cell.get_text()]
    assert len(with_visit) == 2  # a two-day event shows on both days
    assert "Draft event" not in text(response)


def test_event_page_shows_time_zone_and_link_only_when_relevant(client, agenda):
    page = text(client.get(agenda["visit"].url))
    assert "Times in the event's time zone (Europe/Stockholm)." in page
    assert "Join online" not in page
    assert "EUR 50" in page
    assert "Language café" in page  # related practice
    hybrid = text(client.get(agenda["hybrid"].url))
    assert "Join online" in hybrid and "Town hall" in hybrid


def test_json_ld_has_the_schema_org_event_shape(client, agenda):
    html = soup(client.get(agenda["hybrid"].url))
    data = json.loads(html.select_one('script[type="application/ld+json"]').string)
    for required in [
        "@context",
        "@type",
        "name",
        "startDate",
        "endDate",
        "location",
        "eventAttendanceMode",
        "eventStatus",
        "organizer",
        "offers",
        "description",
    ]:
        assert required in data, required
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert {place["@type"] for place in data["location"]} == {"Place", "VirtualLocation"}
    assert data["location"][0]["address"]["addressCountry"] == "FR"
    assert datetime.datetime.fromisoformat(data["startDate"]).utcoffset() is not None
    assert data["organizer"][0] == {
        "@type": "Organization",
        "name": "Welcome House",
        "url": "http://testserver/en/organisations/welcome-house/",
    }
    assert data["offers"]["@type"] == "Offer" and data["offers"]["price"] == "0"
    cancelled = json.loads(
        soup(client.get(agenda["cancelled"].url))
        .select_one('script[type="application/ld+json"]')
        .string
    )
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
    assert cancelled["location"]["@type"] == "VirtualLocation"


def test_feeds_follow_the_filters(client, events_page, agenda):
    calendar = icalendar.Calendar.from_ical(
        client.get(events_page.url + "feed.ics?area=housing").content
    )
    titles = sorted(str(e["summary"]) for e in calendar.walk("VEVENT"))
    assert titles == [
        "Last month's workshop",
        "Three-day training running now",
        "Webinar on housing first",
    ]
    everything = icalendar.Calendar.from_ical(client.get(events_page.url + "feed.ics").content)
    summaries = [str(e["summary"]) for e in everything.walk("VEVENT")]
    assert "CANCELLED: Cancelled roundtable" in summaries and "Draft event" not in " ".join(
        summaries
    )

    rss = ET.fromstring(client.get(events_page.url + "feed.rss").content)
    rss_titles = [item.findtext("title") for item in rss.iter("item")]
    assert len(rss_titles) == 5 and not any("workshop" in t for t in rss_titles)
    atom = ET.fromstring(client.get(events_page.url + "feed.atom").content)
    assert len(atom.findall("{http://www.w3.org/2005/Atom}entry")) == 5


def test_events_appear_on_home_practice_and_organisation(client, agenda):
    home = text(client.get("/en/"))
    assert "Next events" in home and "Three-day training running now" in home
    assert "Cancelled roundtable" not in home
    assert "Study visit to the language café" in text(client.get(agenda["practice"].url))
    profile = text(client.get(agenda["organisation"].get_absolute_url()))
    assert "Webinar on housing first" in profile and "Last month's workshop" in profile
