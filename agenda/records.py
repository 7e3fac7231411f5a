"""An event as a record, for exports of the events listing (portal.exports)."""

from django.conf import settings

from portal import exports

COLUMNS = [
    "id",
    "url",
    "language",
    "title",
    "summary",
    "kind",
    "status",
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "all_day",
    "timezone",
    "event_format",
    "venue",
    "address",
    "city",
    "country",
    "online_url",
    "registration_url",
    "registration_deadline",
    "is_free",
    "cost_note",
    "organisation",
    "co_organisers",
    "languages",
    "action_areas",
    "target_groups",
    "body",
    "image_credit",
    "image_licence",
    "licence",
]


def record(event, request=None):
    """The event's columns: those not derived here are its fields as they are."""
    derived = {
        "id": str(event.translation_key),
        "url": event.get_full_url(request),
        "language": event.locale.language_code,
        "country": event.country.code if event.country_id else "",
        "online_url": event.online_url if event.shows_online_link else "",
        "organisation": event.organisation.name,
        "co_organisers": [org.name for org in event.co_organisers.all()],
        "languages": [language.code for language in event.languages.all()],
        "action_areas": [term.code for term in event.action_areas.all()],
        "target_groups": [term.code for term in event.target_groups.all()],
        "image_credit": event.image.credit if event.image_id else "",
        "image_licence": event.image.licence if event.image_id else "",
        "licence": settings.OPEN_DATA_LICENCE,
    }
    return {name: derived[name] if name in derived else getattr(event, name) for name in COLUMNS}


def events_export(request, export_format, name, events):
    """`events` (a queryset, in the listing's order) as a download, read in chunks."""
    rows = (
        events.select_related("locale", "organisation", "country", "image")
        .prefetch_related("co_organisers", "languages", "action_areas", "target_groups")
        .iterator(chunk_size=500)
    )
    records = (record(event, request) for event in rows)
    return exports.export_response(export_format, name, "events", COLUMNS, records)
