"""The event listing: upcoming or past, filters with counts, a month calendar, pagination."""

import calendar
import datetime

from django.utils import timezone
from django.utils.formats import date_format

from portal import facets as facet_module
from portal.listing import paginate

from .facets import FACETS

LISTING_FACETS = [facet for facet in FACETS if facet.param != "month"]  # the month view's


def month_grid(events, year, month):
    """Weeks (Monday first) of days, each day with the events happening on it."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    by_day = {}
    for event in events:
        day = max(event.start_date, weeks[0][0])
        while day <= min(event.end_date, weeks[-1][-1]):
            by_day.setdefault(day, []).append(event)
            day += datetime.timedelta(days=1)
    today = timezone.localdate()
    return [
        [
            {
                "date": day,
                "in_month": day.month == month,
                "today": day == today,
                "events": by_day.get(day, []),
            }
            for day in week
        ]
        for week in weeks
    ]


def month_with_events(events, shown, first, last):
    """For an empty month: the first of the next month with matching events, else of the
    latest earlier one, else None."""
    matching = facet_module.apply(events, LISTING_FACETS, shown)
    later = matching.filter(start_date__gt=last).order_by("start_date").first()
    if later is not None:
        return later.start_date.replace(day=1)
    earlier = matching.filter(end_date__lt=first).order_by("-end_date").first()
    return earlier.end_date.replace(day=1) if earlier is not None else None


def _month_param(request):
    parsed = facet_module.parse_month(request.GET.get("month", ""))
    if parsed is None:
        return timezone.localdate().replace(day=1)
    return datetime.date(*parsed, 1)


def _chosen(request):
    when = "past" if request.GET.get("when") == "past" else "upcoming"
    view = "month" if request.GET.get("view") == "month" else "list"
    return when, view, facet_module.selection(request.GET, FACETS)


def _in_month(events, shown, first, last):
    """The month's events under the other filters, in date order."""
    month_events = events.filter(start_date__lte=last, end_date__gte=first)
    return facet_module.apply(month_events, LISTING_FACETS, shown).order_by("start_utc", "pk")


def _in_list(events, when, selected, now=None):
    """(upcoming or past events, those of them the filters select, in the listing's order)."""
    scoped = events.upcoming(now) if when == "upcoming" else events.past(now)
    order = ("start_utc", "pk") if when == "upcoming" else ("-start_utc", "-pk")
    return scoped, facet_module.apply(scoped, FACETS, selected).order_by(*order)


def list_view(events, when, selected, now=None):
    """(results in the listing's order, facets with counts) of upcoming or past events."""
    scoped, results = _in_list(events, when, selected, now)
    return results.for_listing(), facet_module.orm_facets(scoped, FACETS, selected)


def results(request, events):
    """Every event the listing shows for this request (all pages, or the month's), in its
    order: what an export of the listing holds."""
    when, view, selected = _chosen(request)
    if view == "month":
        first = _month_param(request)
        first, last = facet_module.month_bounds(first.year, first.month)
        shown = {k: v for k, v in selected.items() if k != "month"}
        return _in_month(events, shown, first, last)
    return _in_list(events, when, selected)[1]


def build_listing(request, events):
    """Context for the events page; `events` are the listable events in the reader's language."""
    now = timezone.now()
    when, view, selected = _chosen(request)
    context = {
        "when": when,
        "view": view,
        "hidden_params": [
            (k, v) for k, v in (("when", when), ("view", view)) if v not in ("upcoming", "list")
        ],
    }

    if view == "month":
        first = _month_param(request)
        first, last = facet_module.month_bounds(first.year, first.month)
        shown = {k: v for k, v in selected.items() if k != "month"}
        month_events = events.filter(start_date__lte=last, end_date__gte=first)
        in_month = list(_in_month(events, shown, first, last).select_related("country", "locale"))
        # The calendar's range ends at year 1 and year 9998 (facets.parse_month).
        previous = (first - datetime.timedelta(days=1)).replace(day=1) if first.year > 1 else None
        following = last + datetime.timedelta(days=1) if last.year < 9998 else None
        facets = facet_module.orm_facets(month_events, LISTING_FACETS, shown)  # what it shows
        context.update(
            {
                "weeks": month_grid(in_month, first.year, first.month),
                "month_start": first,
                "month_is_empty": not in_month,
                "month_with_events": (
                    None if in_month else month_with_events(events, shown, first, last)
                ),
                "month_label": date_format(first, "YEAR_MONTH_FORMAT"),
                "previous_month": f"{previous:%Y-%m}" if previous else "",
                "next_month": f"{following:%Y-%m}" if following else "",
                "facets": facets,
                "active_filters": facet_module.active_filters(request.GET, facets),
            }
        )
        context["hidden_params"].append(("month", f"{first:%Y-%m}"))
        return context

    results, facets = list_view(events, when, selected, now)
    context.update(
        {
            "events": paginate(results, request.GET.get("page")),
            "facets": facets,
            "active_filters": facet_module.active_filters(request.GET, facets),
        }
    )
    return context
