"""The practice library's filters, facet counts, sorting and pagination.

Filters combine with AND across facets and OR within a facet. Each facet's counts are computed
under every *other* active filter, so a reader sees how many practices each option would give.
Every facet costs one grouped query, whatever the number of practices.
"""

from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from portal.models import (
    ActionArea,
    Country,
    FundingInstrument,
    OrganisationType,
    SubTheme,
    TargetGroup,
)

from .choices import Continuation, EvidenceLevel, ImplementationLevel, MigrantParticipation, Status

PER_PAGE = 12
SORTS = {
    "newest": (_("Newest first"), ("-first_published_at", "-pk")),
    "title": (_("Title (A–Z)"), ("title", "pk")),
}
DEFAULT_SORT = "newest"


@dataclass
class Option:
    value: str
    label: str
    count: int = 0
    selected: bool = False


@dataclass
class Facet:
    param: str
    label: str
    options: list = field(default_factory=list)

    @property
    def selected(self):
        return [option for option in self.options if option.selected]


class FacetDefinition:
    """How one facet filters the practices and counts its options."""

    def __init__(self, param, label):
        self.param = param
        self.label = label

    def choices(self):
        """[(value, label)] in display order."""
        raise NotImplementedError

    def filter(self, qs, values):
        raise NotImplementedError

    def counts(self, qs):
        """{value: number of practices in qs having it}."""
        raise NotImplementedError


class TermFacet(FacetDefinition):
    """A taxonomy linked through a many-to-many field on PracticePage."""

    def __init__(self, param, label, model, relation):
        super().__init__(param, label)
        self.model = model
        self.relation = relation

    def choices(self):
        terms = self.model.objects.all()
        if hasattr(self.model, "locale"):
            terms = terms.default_locale()
        return [(term.code, str(term)) for term in terms]

    @property
    def through(self):
        from .models import PracticePage

        return getattr(PracticePage, self.relation).through

    @property
    def term_column(self):
        return self.model._meta.model_name

    def filter(self, qs, values):
        matching = self.through.objects.filter(**{f"{self.term_column}__code__in": values})
        return qs.filter(pk__in=matching.values("practicepage_id"))

    def counts(self, qs):
        rows = (
            self.through.objects.filter(practicepage_id__in=qs.values("pk"))
            .values_list(f"{self.term_column}__code")
            .annotate(n=Count("practicepage_id"))
            .order_by()
        )
        return dict(rows)


class ChoiceFacet(FacetDefinition):
    """A choice field on PracticePage."""

    def __init__(self, param, label, field_name, choices):
        super().__init__(param, label)
        self.field_name = field_name
        self._choices = choices

    def choices(self):
        return [(value, str(label)) for value, label in self._choices]

    def filter(self, qs, values):
        return qs.filter(**{f"{self.field_name}__in": values})

    def counts(self, qs):
        return dict(qs.order_by().values_list(self.field_name).annotate(n=Count("pk")).order_by())


class OrganisationTypeFacet(FacetDefinition):
    lookup = "organisation__organisation_type__code"

    def choices(self):
        return [(term.code, str(term)) for term in OrganisationType.objects.default_locale()]

    def filter(self, qs, values):
        return qs.filter(**{f"{self.lookup}__in": values})

    def counts(self, qs):
        return dict(qs.order_by().values_list(self.lookup).annotate(n=Count("pk")).order_by())


class StatusFacet(FacetDefinition):
    def choices(self):
        return [(value, str(label)) for value, label in Status.choices]

    @staticmethod
    def _q(value):
        finished = Q(continuation=Continuation.FINISHED)
        return finished if value == Status.FINISHED else ~finished

    def filter(self, qs, values):
        query = Q()
        for value in values:
            query |= self._q(value)
        return qs.filter(query)

    def counts(self, qs):
        by_continuation = dict(
            qs.order_by().values_list("continuation").annotate(n=Count("pk")).order_by()
        )
        finished = by_continuation.pop(Continuation.FINISHED, 0)
        return {Status.FINISHED: finished, Status.ONGOING: sum(by_continuation.values())}


class StartYearFacet(FacetDefinition):
    def __init__(self, param, label):
        super().__init__(param, label)
        self._counts = None

    def choices(self):
        # Years come from the data; the facet lists the years that have practices.
        return None

    def filter(self, qs, values):
        years = [int(value) for value in values if value.isdigit()]
        return qs.filter(start_date__year__in=years)

    def counts(self, qs):
        rows = (
            qs.order_by()
            .annotate(year=ExtractYear("start_date"))
            .values_list("year")
            .annotate(n=Count("pk"))
            .order_by()
        )
        return {str(year): n for year, n in rows}


FACETS = [
    TermFacet("area", _("Action area"), ActionArea, "action_areas"),
    TermFacet("theme", _("Sub-theme"), SubTheme, "sub_themes"),
    TermFacet("country", _("Country"), Country, "countries"),
    OrganisationTypeFacet("orgtype", _("Organisation type")),
    TermFacet("target", _("Target group"), TargetGroup, "target_groups"),
    TermFacet("funding", _("Funding"), FundingInstrument, "funding_instruments"),
    ChoiceFacet(
        "level", _("Implementation level"), "implementation_level", ImplementationLevel.choices
    ),
    ChoiceFacet("evidence", _("Evidence level"), "evidence_level", EvidenceLevel.choices),
    ChoiceFacet(
        "participation",
        _("Migrant participation"),
        "migrant_participation",
        MigrantParticipation.choices,
    ),
    StatusFacet("status", _("Status")),
    StartYearFacet("year", _("Start year")),
]
FACET_PARAMS = [facet.param for facet in FACETS]


def selected_values(request):
    """{param: [values]} from the query string, unknown parameters ignored."""
    selected = {}
    for facet in FACETS:
        values = [value for value in request.GET.getlist(facet.param) if value]
        if values:
            selected[facet.param] = list(dict.fromkeys(values))
    return selected


def apply_filters(qs, selected, skip=None):
    for facet in FACETS:
        if facet.param != skip and facet.param in selected:
            qs = facet.filter(qs, selected[facet.param])
    return qs


def build_facets(base, selected):
    facets = []
    for definition in FACETS:
        counts = definition.counts(apply_filters(base, selected, skip=definition.param))
        chosen = set(selected.get(definition.param, []))
        choices = definition.choices()
        if choices is None:  # data-driven (start year): newest first
            choices = [(value, value) for value in sorted(counts, reverse=True)]
        options = [
            Option(value, label, counts.get(value, 0), value in chosen)
            for value, label in choices
            if counts.get(value, 0) or value in chosen
        ]
        facets.append(Facet(definition.param, definition.label, options))
    return facets


def build_library(index_page, request):
    """Context for the library page: results page, facets, active filters, sort."""
    from .models import PracticePage

    base = PracticePage.objects.listable(locale=index_page.locale).child_of(index_page)
    selected = selected_values(request)
    sort = request.GET.get("sort", DEFAULT_SORT)
    if sort not in SORTS:
        sort = DEFAULT_SORT

    results = apply_filters(base, selected).order_by(*SORTS[sort][1])
    paginator = Paginator(results.for_listing(), PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)

    facets = build_facets(base, selected)
    active = [
        {
            "facet": facet,
            "option": option,
            "remove_url": _remove_url(request, facet.param, option.value),
        }
        for facet in facets
        for option in facet.selected
    ]
    return {
        "practices": page,
        "paginator": paginator,
        "facets": facets,
        "active_filters": active,
        "sort": sort,
        "sorts": [(key, label) for key, (label, _order) in SORTS.items()],
        "query_without_page": _query_without(request, "page"),
    }


def _remove_url(request, param, value):
    query = request.GET.copy()
    query.setlist(param, [v for v in query.getlist(param) if v != value])
    query.pop("page", None)
    return "?" + query.urlencode() if query else "?"


def _query_without(request, param):
    query = request.GET.copy()
    query.pop(param, None)
    return query.urlencode()
