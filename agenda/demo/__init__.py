"""The events' demo content (events.json): study visits, webinars, conferences, trainings,
workshops and calls for proposals of EU funds by the portal's demo organisations, some linked
to demo practices.

Dates are day offsets relative to the day the demo is loaded (negative = past), so the demo
always has past, running and upcoming events. Times are local times in the event's timezone.
Venues are fictional; links use reserved example domains only. Registered by
agenda/wagtail_hooks.py, run by `manage.py seed_demo` after the practices."""

import datetime
import json
from pathlib import Path

from django.utils import timezone

from portal.factories import term
from portal.models import ActionArea, Country, FundingInstrument, Language, TargetGroup
from practices.models import PracticePage

from ..models import EventIndexPage, EventPage

EVENTS = Path(__file__).resolve().parent / "events.json"


def load_events():
    return json.loads(EVENTS.read_text("utf-8"))


def _time(value):
    return datetime.time.fromisoformat(value) if value else None


def _day(today, offset):
    return today + datetime.timedelta(days=offset) if offset is not None else None


def generate(context):
    """Publish the events missing from the events listing, dated relative to today."""
    listing = EventIndexPage.objects.child_of(context.home).first()
    today = timezone.localdate()
    events = load_events()
    created = 0
    for index, data in enumerate(events):
        if EventPage.objects.child_of(listing).filter(slug=data["slug"]).exists():
            continue
        add_event(listing, data, index, today, context.organisations)
        created += 1
    return f"{len(events)} events ({created} new)"


def add_event(listing, data, index, today, organisations):
    event = EventPage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        body=data["body"],
        kind=data["kind"],
        status=data["status"],
        start_date=_day(today, data["start_day"]),
        end_date=_day(today, data["end_day"]),
        all_day=data["all_day"],
        start_time=_time(data["start_time"]),
        end_time=_time(data["end_time"]),
        timezone=data["timezone"],
        event_format=data["format"],
        venue=data["venue"],
        address=data["address"],
        city=data["city"],
        country=Country.objects.get(code=data["country"]),
        online_url=data["online_url"],
        registration_url=data["registration_url"],
        registration_deadline=_day(today, data.get("registration_deadline_day")),
        is_free=data["is_free"],
        cost_note=data["cost_note"],
        organisation=organisations[data["organisation"]],
        co_organisers=[organisations[slug] for slug in data["co_organisers"]],
        languages=list(Language.objects.filter(code__in=data["languages"])),
        action_areas=[term(ActionArea, code) for code in data["areas"]],
        target_groups=[term(TargetGroup, code) for code in data["targets"]],
        funding_instruments=[term(FundingInstrument, code) for code in data.get("funding", [])],
        related_practices=list(
            PracticePage.objects.filter(slug__in=data.get("related_practices", []))
        ),
    )
    listing.add_child(instance=event)
    event.save_revision().publish()
    published = timezone.now() - datetime.timedelta(
        days=max(3, 30 - data["start_day"] // 4), minutes=index
    )
    EventPage.objects.filter(pk=event.pk).update(
        first_published_at=published, last_published_at=published
    )
