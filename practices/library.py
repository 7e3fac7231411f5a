"""The practice library's filters, facet counts, sorting and pagination.

Filters combine with AND across facets and OR within a facet. Each facet's counts are computed
under every *other* active filter, so a reader sees how many practices each option would give.

To answer in a few milliseconds with 10,000+ practices, each library keeps a *facet index* in
memory: for every filter option, a bitset (a Python int) of the listable practices having it,
bit i being the i-th newest practice. Filtering is AND/OR on ints and counting is
`int.bit_count()`. The index is rebuilt when `LibraryRevision` changes: signals bump it whenever
anything a filter depends on changes (publish, unpublish, delete, move, view restrictions,
organisations, taxonomy). The page of results itself is always re-read from the database with
the public-and-live filter, so even a stale index never shows a non-public practice.
"""

import threading
import unicodedata
from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import get_language
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
SORTS = {"newest": _("Newest first"), "title": _("Title (A–Z)")}
DEFAULT_SORT = "newest"


def alphabetical(text):
    """A sort key that ignores case and accents (“Ś” sorts with “S”)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


@dataclass(frozen=True)
class FacetDefinition:
    """One filter of the library.

    kind: "m2m" (a many-to-many to a taxonomy; `source` is the relation name), "value" (a column
    or lookup on the practice; `source` is the lookup), or "year" (start year, from the data).
    """

    param: str
    label: str
    kind: str
    source: str
    model: type | None = None
    choices: tuple = ()

    def options(self):
        """[(value, label)] in display order, in the active language."""
        if self.model is Country:
            countries = [(c.sort_order, c.code, c.localized_name) for c in Country.objects.all()]
            countries.sort(key=lambda row: (row[0], alphabetical(row[2])))
            return [(code, name) for _order, code, name in countries]
        if self.model is not None:
            return [(t.code, t.label) for t in self.model.objects.default_locale()]
        return [(value, str(label)) for value, label in self.choices]


FACETS = [
    FacetDefinition("area", _("Action area"), "m2m", "action_areas", ActionArea),
    FacetDefinition("theme", _("Sub-theme"), "m2m", "sub_themes", SubTheme),
    FacetDefinition("country", _("Country"), "m2m", "countries", Country),
    FacetDefinition(
        "orgtype",
        _("Organisation type"),
        "value",
        "organisation__organisation_type__code",
        OrganisationType,
    ),
    FacetDefinition("target", _("Target group"), "m2m", "target_groups", TargetGroup),
    FacetDefinition("funding", _("Funding"), "m2m", "funding_instruments", FundingInstrument),
    FacetDefinition(
        "level",
        _("Implementation level"),
        "value",
        "implementation_level",
        choices=tuple(ImplementationLevel.choices),
    ),
    FacetDefinition(
        "evidence",
        _("Evidence level"),
        "value",
        "evidence_level",
        choices=tuple(EvidenceLevel.choices),
    ),
    FacetDefinition(
        "participation",
        _("Migrant participation"),
        "value",
        "migrant_participation",
        choices=tuple(MigrantParticipation.choices),
    ),
    FacetDefinition("status", _("Status"), "value", "continuation", choices=tuple(Status.choices)),
    FacetDefinition("year", _("Start year"), "year", "start_date"),
]
FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}
VALUE_COLUMNS = [facet.source for facet in FACETS if facet.kind != "m2m"]


class FacetIndex:
    """Bitsets of one library's listable practices per filter option."""

    def __init__(self, practices):
        rows = list(
            practices.order_by("-first_published_at", "-pk").values_list(
                "pk", "title", *VALUE_COLUMNS
            )
        )
        self.size = len(rows)
        self.all = (1 << self.size) - 1
        self.ids = [row[0] for row in rows]
        position = {pk: index for index, pk in enumerate(self.ids)}
        # Every public version of a practice points to the position of the version shown.
        from .models import PracticePage

        keys = dict(PracticePage.objects.listable().values_list("pk", "translation_key"))
        position_of_key = {keys[pk]: index for pk, index in position.items() if pk in keys}
        self.position_of = {
            pk: position_of_key[key] for pk, key in keys.items() if key in position_of_key
        }
        self.title_order = sorted(range(self.size), key=lambda i: (rows[i][1].casefold(), i))
        self.bits = {facet.param: {} for facet in FACETS}

        def add(param, value, index):
            options = self.bits[param]
            options[value] = options.get(value, 0) | (1 << index)

        for index, row in enumerate(rows):
            for facet, value in zip((f for f in FACETS if f.kind != "m2m"), row[2:], strict=True):
                if facet.kind == "year":
                    value = str(value.year) if value else None
                elif facet.param == "status":
                    finished = value == Continuation.FINISHED
                    value = Status.FINISHED if finished else Status.ONGOING
                if value is not None:
                    add(facet.param, value, index)

        from .models import PracticePage

        listable_ids = practices.values("pk")
        for facet in FACETS:
            if facet.kind != "m2m":
                continue
            relation = getattr(PracticePage, facet.source)
            column = relation.field.m2m_reverse_field_name()
            pairs = relation.through.objects.filter(practicepage_id__in=listable_ids).values_list(
                "practicepage_id", f"{column}__code"
            )
            for practice_id, code in pairs:
                add(facet.param, code, position[practice_id])

    def mask(self, param, values):
        options = self.bits[param]
        combined = 0
        for value in values:
            combined |= options.get(value, 0)
        return combined

    def matching(self, selected, skip=None):
        result = self.all
        for param, values in selected.items():
            if param != skip:
                result &= self.mask(param, values)
        return result

    def counts(self, param, within):
        return {
            value: count
            for value, bits in self.bits[param].items()
            if (count := (bits & within).bit_count())
        }

    def ordered_ids(self, result, sort, start, stop):
        """Ids of matching practices [start:stop] in the requested order."""
        if sort == "title":
            members = set(_set_bits(result))
            order = (i for i in self.title_order if i in members)
        else:
            order = _set_bits(result)
        picked = []
        for number, index in enumerate(order):
            if number >= stop:
                break
            if number >= start:
                picked.append(self.ids[index])
        return picked


def _set_bits(number):
    """Positions of the set bits, lowest first."""
    return (index for index, bit in enumerate(bin(number)[:1:-1]) if bit == "1")


_indexes = {}
_lock = threading.Lock()


def facet_index(language):
    """The facet index for readers of one language (one version of every practice, in their
    language where translated), rebuilt when the library's revision has changed."""
    from portal.i18n import best_versions

    from .models import LibraryRevision, PracticePage

    revision = LibraryRevision.current()
    cached = _indexes.get(language)
    if revision is not None and cached and cached[0] == revision:
        return cached[1]
    built = FacetIndex(best_versions(PracticePage.objects.listable(), language))
    with _lock:
        _indexes[language] = (revision, built)
    return built


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


def selected_values(request):
    """{param: [values]} from the query string; unknown parameters are ignored."""
    selected = {}
    for facet in FACETS:
        values = [value for value in request.GET.getlist(facet.param) if value]
        if values:
            selected[facet.param] = list(dict.fromkeys(values))
    return selected


_labels = {}


def facet_options(definition, counts, revision):
    """[(code, label)] of one facet in display order, in the active language."""
    if definition.kind == "year":
        return [(year, year) for year in sorted(counts, reverse=True)]
    key = (get_language(), definition.param, revision)
    if key not in _labels:
        if len(_labels) > 200:
            _labels.clear()
        _labels[key] = definition.options()
    return _labels[key]


def facets_from_counts(counts, selected):
    """Facets with labelled options: those with practices, and those chosen."""
    from .models import LibraryRevision

    revision = LibraryRevision.current()
    facets = []
    for definition in FACETS:
        facet_counts = counts.get(definition.param, {})
        chosen = set(selected.get(definition.param, []))
        options = [
            Option(value, label, facet_counts.get(value, 0), value in chosen)
            for value, label in facet_options(definition, facet_counts, revision)
            if value in facet_counts or value in chosen
        ]
        facets.append(Facet(definition.param, definition.label, options))
    return facets


def build_facets(index, selected):
    return facets_from_counts(
        {
            definition.param: index.counts(
                definition.param, index.matching(selected, skip=definition.param)
            )
            for definition in FACETS
        },
        selected,
    )


class IndexPaginator(Paginator):
    """Pages over the ids the facet index selected; each page is read from the database."""

    def __init__(self, index, result, sort, practices):
        self.index, self.result, self.sort, self.practices = index, result, sort, practices
        super().__init__(range(result.bit_count()), PER_PAGE)

    def page(self, number):
        number = self.validate_number(number)
        start = (number - 1) * self.per_page
        ids = self.index.ordered_ids(self.result, self.sort, start, start + self.per_page)
        by_id = {practice.pk: practice for practice in self.practices.filter(pk__in=ids)}
        return self._get_page([by_id[pk] for pk in ids if pk in by_id], number, self)


def build_library(index_page, request):
    """Context for the library page: results page, facets, active filters, sort."""
    from portal.i18n import current_language

    from .models import PracticePage

    index = facet_index(current_language())
    selected = selected_values(request)
    sort = request.GET.get("sort", DEFAULT_SORT)
    if sort not in SORTS:
        sort = DEFAULT_SORT

    practices = PracticePage.objects.listable().for_listing()
    paginator = IndexPaginator(index, index.matching(selected), sort, practices)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)

    facets = build_facets(index, selected)
    return {
        "practices": page,
        "paginator": paginator,
        "facets": facets,
        "active_filters": active_filters(request, facets),
        "sort": sort,
        "sorts": list(SORTS.items()),
    }


def active_filters(request, facets):
    """The chosen options, each with the address that removes it (filter chips)."""
    return [
        {
            "facet": facet,
            "option": option,
            "remove_url": _remove_url(request, facet.param, option.value),
        }
        for facet in facets
        for option in facet.selected
    ]


def _remove_url(request, param, value):
    query = request.GET.copy()
    query.setlist(param, [v for v in query.getlist(param) if v != value])
    query.pop("page", None)
    return "?" + query.urlencode() if query else "?"
