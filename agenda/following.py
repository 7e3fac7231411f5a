"""The events listing as something to follow (`portal.following`): any of its filters."""

from django.utils.translation import gettext_lazy as _

from portal import facets as facet_module
from portal.following import Followable, Item, url_cache
from portal.i18n import best_versions

from .facets import FACETS
from .models import EventIndexPage, EventPage

FOLLOWED_EVENTS = 100


def item_of(event, request=None):
    return Item(
        key=f"{event._meta.label_lower}:{event.translation_key}",
        title=f"{event.title} ({event.start_date:%Y-%m-%d})",
        url=event.get_url(request=request),
        published=event.last_published_at or event.first_published_at,
        summary=event.summary,
        language=event.locale.language_code,
        edition=event.edition,
        changes=tuple(event.change_labels()),
    )


def new_events(query, language, since, memo):
    """Upcoming public events matching `query`, published (or published again) since `since`,
    newest first, in `language` where translated."""
    events = best_versions(EventPage.objects.listable(), language).upcoming()
    events = facet_module.apply(events, FACETS, facet_module.selection(query, FACETS))
    events = events.filter(last_published_at__gt=since).select_related("locale")
    urls = memo.setdefault("url_cache", url_cache())
    newest = events.order_by("-last_published_at")[:FOLLOWED_EVENTS]
    return [item_of(event, urls) for event in newest]


def events_url(query, language):
    indexes = EventIndexPage.objects.order_by("path")
    index = indexes.filter(locale__language_code=language).first() if language else None
    index = index or indexes.first()
    return (index.get_url() if index else "/") + (f"?{query}" if query else "")


def followable_events():
    return Followable(
        kind="events", label=_("Events"), listing_url=events_url, new_items=new_events
    )
