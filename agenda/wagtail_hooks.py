"""What events contribute to the Wagtail hooks: home-page and organisation-profile sections, a
monitoring-dashboard panel, and their demo content."""

from django.db.models import Q
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from wagtail import hooks

from portal import facets as facet_module
from portal.api.core import API_SECTIONS, ApiSection
from portal.charts import DASHBOARD_PANELS, Chart, Panel, Row
from portal.demo import DEMO_CONTENT
from portal.following import FOLLOWABLE
from portal.i18n import best_versions, current_language, title_and_url
from portal.sections import FUNDING_SECTIONS, HOME_SECTIONS, ORGANISATION_SECTIONS, Section
from portal.site_tree import site_tree

from . import (
    api,
    locales,  # noqa: F401 (it registers the locale hooks)
)
from .choices import EventKind, EventStatus
from .facets import FACETS
from .following import followable_events
from .models import EventIndexPage, EventPage


def _next_events(request, home):
    events = (
        best_versions(EventPage.objects.listable(), current_language())
        .upcoming()
        .exclude(status=EventStatus.CANCELLED)
        .for_listing()
        .order_by("start_utc")[:3]
    )
    if not events:
        return None
    return {
        "event_listing": site_tree(request).first_child(home, EventIndexPage),
        "next_events": events,
    }


def _organisation_events(request, organisation):
    events = (
        EventPage.objects.listable()
        .filter(Q(organisation=organisation) | Q(co_organisers=organisation))
        .distinct()
        .select_related("locale", "country")
    )
    upcoming = list(events.upcoming().order_by("start_utc")[:6])
    past = list(events.past().order_by("-start_utc")[:3])
    if not (upcoming or past):
        return None
    return {"upcoming_events": upcoming, "past_events": past}


def _open_calls(request, instrument):
    """The instrument's calls for proposals still open (or not yet open), soonest deadline
    first, and the address of all of them in the events listing."""
    calls = (
        best_versions(EventPage.objects.listable(), current_language())
        .upcoming()
        .filter(kind=EventKind.CALL, funding_instruments__code=instrument.code)
        .exclude(status=EventStatus.CANCELLED)
        .for_listing()
        .order_by("end_utc")
    )
    tree = site_tree(request)
    home = tree.home(request)
    return {
        "instrument": instrument,
        "open_calls": list(calls[:10]),
        "event_listing": tree.first_child(home, EventIndexPage) if home else None,
    }


@hooks.register(FUNDING_SECTIONS)
def open_calls():
    return Section(20, "events/_funding_calls.html", _open_calls)


def _events_by_area(request, selected):
    """Upcoming events per action area, under the dashboard's area and country filters (the
    events listing shares their codes); each row links to the events listing so filtered."""
    tree = site_tree(request)
    site = tree.site_for(request)
    listing = tree.first_child(site.root_page, EventIndexPage) if site else None
    shared = {param: selected[param] for param in ("area", "country") if param in selected}
    definitions = {definition.param: definition for definition in FACETS}
    events = EventIndexPage.listable_events().upcoming().exclude(status=EventStatus.CANCELLED)
    area = definitions["area"]
    counts = area.counts(facet_module.apply(events, FACETS, shared, skip="area"))
    base = title_and_url(listing, request)[1] if listing else ""
    rows = []
    for code, label in area.options(counts):
        query = {**shared, "area": [code]}
        rows.append(Row(label, counts.get(code, 0), f"{base}?{urlencode(query, doseq=True)}"))
    total = sum(row.value for row in rows)
    if not total:
        summary = _("No upcoming event in these action areas.")
    else:
        top = max(rows, key=lambda row: row.value)
        summary = _("Most upcoming events: %(label)s (%(count)s).") % {
            "label": top.label,
            "count": top.value,
        }
    return Chart(
        "events", _("Upcoming events by action area"), summary, area.label, _("Events"), rows
    )


@hooks.register(DASHBOARD_PANELS)
def events_by_area():
    return Panel(80, _events_by_area)


@hooks.register(HOME_SECTIONS)
def next_events():
    return Section(20, "events/_home_next_events.html", _next_events)


@hooks.register(ORGANISATION_SECTIONS)
def organisation_events():
    return Section(10, "events/_organisation_events.html", _organisation_events)


@hooks.register(DEMO_CONTENT)
def demo_events():
    return (30, "agenda.demo.generate")  # after the practices they link to


@hooks.register(API_SECTIONS)
def events_api():
    return ApiSection(
        order=20, prefix="/events", router=api.router, clock=api.last_change_by_the_clock
    )


hooks.register(FOLLOWABLE, followable_events)
