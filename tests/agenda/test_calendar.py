"""Calendar files: they parse back with icalendar, keep their times across DST changes and
time zones, and let calendar apps update entries (UID, SEQUENCE, DTSTAMP, STATUS)."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def parse(response):
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def vevents(calendar):
    return {str(e["summary"]).removeprefix("CANCELLED: "): e for e in calendar.walk("VEVENT")}


@pytest.fixture
def two_zones(make_event):
    # Lisbon moves to summer time on 28 March 2027; Helsinki back to winter time on 31 October.
    lisbon = make_event(
        title="Lisbon study visit",
        event_format="in-person",
        online_url="",
        venue="Casa",
        city="Lisbon",
        country="pt",
        timezone="Europe/Lisbon",
        start_date="2027-03-27",
        start_time=datetime.time(10, 0),
        end_date="2027-03-29",
        end_time=datetime.time(12, 0),
    )
    helsinki = make_event(
        title="Helsinki webinar",
        timezone="Europe/Helsinki",
        start_date="2027-10-30",
        start_time=datetime.time(23, 30),
        end_date="2027-10-31",
        end_time=datetime.time(5, 30),
    )
    return lisbon, helsinki


def test_event_ics_round_trips_across_a_dst_change(client, two_zones):
    lisbon, _ = two_zones
    event = vevents(parse(client.get(lisbon.url + "event.ics")))["Lisbon study visit"]
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert start.tzinfo.key == end.tzinfo.key == "Europe/Lisbon"
    assert start.astimezone(UTC) == datetime.datetime(2027, 3, 27, 10, 0, tzinfo=UTC)  # WET, UTC+0
    assert end.astimezone(UTC) == datetime.datetime(2027, 3, 29, 11, 0, tzinfo=UTC)  # WEST, UTC+1
    assert str(event["location"]) == "Casa, Lisbon, Portugal"


def test_feed_carries_both_time_zones(client, events_page, two_zones):
    calendar = parse(client.get(events_page.url + "feed.ics"))
    zones = {str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")}
    assert {"Europe/Lisbon", "Europe/Helsinki"} <= zones
    helsinki = vevents(calendar)["Helsinki webinar"]
    start, end = helsinki.decoded("dtstart"), helsinki.decoded("dtend")
    assert start.astimezone(UTC) == datetime.datetime(
        2027, 10, 30, 20, 30, tzinfo=UTC
    )  # EEST, UTC+3
    assert end.astimezone(UTC) == datetime.datetime(2027, 10, 31, 3, 30, tzinfo=UTC)  # EET, UTC+2
    assert end.astimezone(UTC) - start.astimezone(UTC) == datetime.timedelta(
        hours=7
    )  # 6 h on the clock
    # Calendar apps read the local times with the VTIMEZONE rules: same instants.
    local = start.astimezone(ZoneInfo("Europe/Helsinki"))
    assert (local.hour, local.minute) == (23, 30)


def test_all_day_events_use_dates(client, make_event):
    event = make_event(
        title="Open day",
        all_day=True,
        start_time=None,
        end_time=None,
        start_date="2026-12-03",
        end_date="2026-12-04",
    )
    vevent = vevents(parse(client.get(event.url + "event.ics")))["Open day"]
    assert vevent.decoded("dtstart") == datetime.date(2026, 12, 3)
    assert vevent.decoded("dtend") == datetime.date(2026, 12, 5)  # exclusive end


def test_updates_replace_the_entry_and_cancellation_is_marked(client, make_event):
    event = make_event(title="Peer workshop", live=False)
    event.save_revision().publish()
    first = vevents(parse(client.get(event.url + "event.ics")))["Peer workshop"]

    event = type(event).objects.get(pk=event.pk)
    event.start_time = datetime.time(14, 0)
    event.end_time = datetime.time(16, 0)
    event.save_revision().publish()
    second = vevents(parse(client.get(event.url + "event.ics")))["Peer workshop"]
    assert second["uid"] == first["uid"]
    assert int(second["sequence"]) > int(first["sequence"])
    assert second.decoded("dtstamp") >= first.decoded("dtstamp")
    assert second.decoded("dtstart").hour == 14

    event = type(event).objects.get(pk=event.pk)
    event.status = "cancelled"
    event.save_revision().publish()
    url_before = event.url
    third = vevents(parse(client.get(event.url + "event.ics")))["Peer workshop"]
    assert str(third["status"]) == "CANCELLED"
    assert int(third["sequence"]) > int(second["sequence"])
    assert type(event).objects.get(pk=event.pk).url == url_before
    assert "This event has been cancelled." in client.get(url_before).content.decode()
