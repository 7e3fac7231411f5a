"""The event listing: upcoming or past, filters with counts, a month calendar, pagination."""

import calendar
import datetime

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from portal.i18n import best_versions, current_language
from portal.models import ActionArea, Country, Language
from practices.library import Facet, Option, active_filters

from .choices import EventFormat

PER_PAGE = 10


class EventFacet:
    def __init__(self, param, label, lookup, options):
        self.param, self.label, self.lookup, self._options = param, label, lookup, options

    def options(self, counts):
        return self._options(counts)

    def filter(self, qs, values):
        if self.param == "month":
            query = Q()
            for value in values:
                try:
                    year, month = (int(part) for part in value.split("-"))
                except ValueError:
                    continue
                query |= Q(start_date__year=year, start_date__month=month)
            return qs.filter(query) if query else qs.none()
        return qs.filter(**{f"{self.lookup}__in": values}).distinct()

    def counts(self, qs):
        if self.param == "month":
            rows = qs.order_by().values_list("start_date")
            counts = {}
            for (start,) in rows:
                key = f"{start:%Y-%m}"
                counts[key] = counts.get(key, 0) + 1
            return counts
        rows = qs.order_by().values_list(self.lookup).annotate(n=Count("pk", distinct=True))
        return {value: n for value, n in rows if value}


def _terms(model):
    def options(counts):
        terms = model.objects.all()
        if hasattr(model, "locale"):
            terms = terms.default_locale()
        return [(term.code, getattr(term, "label", str(term))) for term in terms]

    return options


def _months(counts):
    result = []
    for key in sorted(counts):
        year, month = key.split("-")
        result.append((key, f"{MONTHS[int(month)]} {year}"))
    return result


FACETS = [
    EventFacet("area", _("Action area"), "action_areas__code", _terms(ActionArea)),
    EventFacet("country", _("Country"), "country__code", _terms(Country)),
    EventFacet(
        "format",
        _("Format"),
        "event_format",
        lambda counts: [(k, str(v)) for k, v in EventFormat.choices],
    ),
    EventFacet(
        "language",
        _("Language"),
        "languages__code",
        lambda counts: [(lang.code, str(lang)) for lang in Language.objects.all()],
    ),
    EventFacet("month", _("Month"), "start_date", _months),
]


def selected_values(request):
    return {
        facet.param: list(dict.fromkeys(v for v in request.GET.getlist(facet.param) if v))
        for facet in FACETS
        if any(request.GET.getlist(facet.param))
    }


def apply_filters(qs, selected, skip=None):
    for facet in FACETS:
        if facet.param != skip and facet.param in selected:
            qs = facet.filter(qs, selected[facet.param])
    return qs


def build_facets(base, selected):
    facets = []
    for facet in FACETS:
        counts = facet.counts(apply_filters(base, selected, skip=facet.param))
        chosen = set(selected.get(facet.param, []))
        options = [
            Option(value, label, counts.get(value, 0), value in chosen)
            for value, label in facet.options(counts)
            if value in counts or value in chosen
        ]
        facets.append(Facet(facet.param, facet.label, options))
    return facets


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


def _month_param(request):
    try:
        year, month = (int(part) for part in request.GET.get("month", "").split("-")[:2])
        return datetime.date(year, month, 1)
    except ValueError:
        return timezone.localdate().replace(day=1)


def build_listing(index_page, request):
    from .models import EventPage

    now = timezone.now()
    when = "past" if request.GET.get("when") == "past" else "upcoming"
    view = "month" if request.GET.get("view") == "month" else "list"
    base = best_versions(EventPage.objects.listable(), current_language())
    selected = selected_values(request)
    context = {
        "when": when,
        "view": view,
        "hidden_params": [
            (k, v) for k, v in (("when", when), ("view", view)) if v not in ("upcoming", "list")
        ],
    }

    if view == "month":
        first = _month_param(request)
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        shown = {k: v for k, v in selected.items() if k != "month"}
        events = (
            apply_filters(base, shown)
            .filter(start_date__lte=last, end_date__gte=first)
            .select_related("country", "locale")
            .order_by("start_utc")
        )
        previous = (first - datetime.timedelta(days=1)).replace(day=1)
        following = last + datetime.timedelta(days=1)
        context.update(
            {
                "weeks": month_grid(list(events), first.year, first.month),
                "month_label": date_format(first, "F Y"),
                "previous_month": f"{previous:%Y-%m}",
                "next_month": f"{following:%Y-%m}",
                "facets": [f for f in build_facets(base, shown) if f.param != "month"],
            }
        )
        context["hidden_params"].append(("month", f"{first:%Y-%m}"))
        context["active_filters"] = active_filters(request, context["facets"])
        return context

    scoped = base.upcoming(now) if when == "upcoming" else base.past(now)
    order = ("start_utc", "pk") if when == "upcoming" else ("-start_utc", "-pk")
    results = apply_filters(scoped, selected).order_by(*order).for_listing()
    page = Paginator(results, PER_PAGE).get_page(request.GET.get("page"))
    facets = build_facets(scoped, selected)
    context.update(
        {"events": page, "facets": facets, "active_filters": active_filters(request, facets)}
    )
    return context
