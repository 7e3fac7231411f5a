"""Events in the read API (/api/v1/events): the events page's filters and counts (its own
`list_view`), every public field and every translation of each event. Mounted by
`wagtail_hooks` (portal.api.core.API_SECTIONS).

The events page's `language` filter (languages spoken at the event) keeps its name and meaning
here, so the language of the answer is `lang`."""

import datetime
import uuid
from typing import Literal

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Max, Prefetch, prefetch_related_objects
from django.utils import timezone

from ninja import Field, Query, Router, Schema

from portal.api import schemas
from portal.api.params import Language, aware, check_query, page_of, query_schema
from portal.api.problems import Problem
from portal.i18n import best_versions
from portal.models import Organisation

from .choices import EventFormat, EventKind, EventStatus
from .facets import FACETS
from .listing import list_view
from .models import EventPage

router = Router(tags=["events"])


class RelatedPractice(Schema):
    id: uuid.UUID
    title: str
    url: str


class Event(Schema):
    id: uuid.UUID  # the event in every language (its translation group)
    page_id: int
    url: str
    language: str
    origin: str
    source_language: str | None
    title: str
    summary: str
    body: str  # HTML
    kind: schemas.Coded
    status: schemas.Coded
    start: datetime.datetime  # in the event's time zone
    end: datetime.datetime
    all_day: bool
    timezone: str
    format: schemas.Coded
    venue: str
    address: str
    city: str
    country: schemas.Coded | None
    online_url: str  # online and hybrid events only
    registration_url: str
    registration_deadline: datetime.date | None
    is_free: bool
    cost_note: str
    organisation: schemas.Organisation
    co_organisers: list[schemas.Organisation]
    languages: list[schemas.Coded]
    action_areas: list[schemas.Coded]
    target_groups: list[schemas.Coded]
    related_practices: list[RelatedPractice]
    image: schemas.Image | None
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None
    translations: list[schemas.Translation]
    licence: str


class EventList(schemas.Listing):
    results: list[Event]


EventQuery = query_schema(
    "EventQuery",
    FACETS,
    common={"language": "lang"},
    when=(
        Literal["upcoming", "past"],
        Field("upcoming", description="Upcoming (not yet over) or past events, as the page."),
    ),
)


class OneLanguage(Schema):
    lang: Language = Field(settings.LANGUAGE_CODE, description="Language of the answer.")


def last_change_by_the_clock():
    """When an event last became past: the upcoming and past lists change then."""
    ended = EventPage.objects.listable().filter(end_utc__lte=timezone.now())
    return ended.aggregate(latest=Max("end_utc"))["latest"]


def _records(request, events):
    prefetch_related_objects(
        events,
        Prefetch("co_organisers", Organisation.objects.with_related()),
        "organisation__organisation_type",
        "organisation__country",
        "languages",
        "action_areas",
        "target_groups",
        "image__renditions",
    )
    groups = schemas.translations(request, events)
    return [_record(request, event, groups.get(event.translation_key, [])) for event in events]


def _record(request, event, versions):
    origin, source = schemas.origin_of(event, versions)
    return {
        "id": event.translation_key,
        "page_id": event.pk,
        "url": event.get_full_url(request) or "",
        "language": event.locale.language_code,
        "origin": origin,
        "source_language": source,
        "title": event.title,
        "summary": event.summary,
        "body": event.body or "",
        "kind": schemas.choice(EventKind, event.kind),
        "status": schemas.choice(EventStatus, event.status),
        "start": event.start,
        "end": event.end,
        "all_day": event.all_day,
        "timezone": event.timezone,
        "format": schemas.choice(EventFormat, event.event_format),
        "venue": event.venue,
        "address": event.address,
        "city": event.city,
        "country": schemas.term(event.country) if event.country_id else None,
        "online_url": event.online_url if event.shows_online_link else "",
        "registration_url": event.registration_url,
        "registration_deadline": event.registration_deadline,
        "is_free": event.is_free,
        "cost_note": event.cost_note,
        "organisation": schemas.organisation(request, event.organisation),
        "co_organisers": [schemas.organisation(request, org) for org in event.co_organisers.all()],
        "languages": [schemas.term(item) for item in event.languages.all()],
        "action_areas": [schemas.term(item) for item in event.action_areas.all()],
        "target_groups": [schemas.term(item) for item in event.target_groups.all()],
        "related_practices": [
            {
                "id": practice.translation_key,
                "title": practice.title,
                "url": practice.get_full_url(request) or "",
            }
            for practice in event.public_related_practices()
        ],
        "image": schemas.image(request, event.image, "fill-480x270|format-webp"),
        "first_published_at": event.first_published_at,
        "last_published_at": event.last_published_at,
        "translations": versions,
        "licence": settings.OPEN_DATA_LICENCE,
    }


@router.get("", response=EventList, summary="Events, filtered as on the events page")
def event_list(request, filters: Query[EventQuery]):
    """The events page's list: upcoming (soonest first) or past (latest first), the same
    filters (`area`, `country`, `format`, `language` spoken, `month`) and the same counts."""
    selected = check_query(request.GET, EventQuery, FACETS)
    since = aware(filters.modified_since)
    with schemas.in_language(filters.lang):
        events = best_versions(EventPage.objects.listable(), filters.lang)
        if since:
            changed = EventPage.objects.listable().filter(last_published_at__gte=since)
            events = events.filter(translation_key__in=changed.values("translation_key"))
        results, found = list_view(events, filters.when, selected)
        page = page_of(Paginator(results, filters.page_size), filters.page)
        return {
            **schemas.listing(request, page, filters.page_size, found),
            "results": _records(request, list(page.object_list)),
        }


@router.get("/{uuid:id}", response=Event, summary="One event")
def event_detail(request, id: uuid.UUID, filters: Query[OneLanguage]):
    check_query(request.GET, OneLanguage, ())
    versions = EventPage.objects.listable().filter(translation_key=id)
    with schemas.in_language(filters.lang):
        event = best_versions(versions, filters.lang).for_listing().first()
        if event is None:
            raise Problem(404, f"No public event has the id {id}.")
        return _records(request, [event])[0]
