"""The practice library's fast back end: a facet index of bitsets, and the library page.

Filters and counts follow `portal.facets` (definitions in `practices.facets`). To answer in a
few milliseconds with 10,000+ practices, each reader language has a *facet index* in memory:
for every filter option, a bitset (a Python int) of the listable practices having it, bit i
being the i-th newest practice. Filtering is AND/OR on ints and counting is `int.bit_count()`.
The index is keyed by `Revision.PRACTICES`, which signals bump whenever anything a filter
depends on changes (publish, unpublish, delete, move, view restrictions, organisations,
taxonomy), so every process rebuilds it after a change made anywhere. The page of results is
always re-read from the database with the public-and-live filter, so even a stale index never
shows a non-public practice.
"""

import threading

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import BooleanField, ExpressionWrapper, Value
from django.utils import timezone

from portal import facets as facet_module
from portal.i18n import best_version, current_language
from portal.listing import LIBRARY_SORTS, PAGE_SIZE, chosen_sort, sort_choices
from portal.models import Revision
from portal.models.taxonomy import terms_by_code

from .facets import FACETS

FACETS_BY_SOURCE = {facet.source: facet for facet in FACETS if facet.kind == facet_module.M2M}
TERM_RELATIONS = tuple(FACETS_BY_SOURCE)  # action_areas, sub_themes, countries, …


class FacetIndex:
    """Bitsets of one library's listable practices per filter option."""

    def __init__(self, model, language, definitions=FACETS):
        self.definitions = definitions
        value_facets = [facet for facet in definitions if facet.kind != facet_module.M2M]
        # Every public version, marked if it is the one shown (in the reader's language…).
        shown = best_version(model, language)
        versions = list(
            model.objects.listable()
            .annotate(shown=ExpressionWrapper(shown, output_field=BooleanField()))
            .order_by("-first_published_at", "-pk")
            .values_list(
                "pk", "translation_key", "shown", "title", *[f.source for f in value_facets]
            )
        )
        rows = [row[3:] for row in versions if row[2]]
        keys = {row[0]: row[1] for row in versions}
        self.size = len(rows)
        self.all = (1 << self.size) - 1
        self.ids = [row[0] for row in versions if row[2]]
        position = {pk: index for index, pk in enumerate(self.ids)}
        # Every public version of a practice points to the position of the version shown.
        position_of_key = {keys[pk]: index for pk, index in position.items()}
        self.position_of = {
            pk: position_of_key[key] for pk, key in keys.items() if key in position_of_key
        }
        self.title_order = sorted(range(self.size), key=lambda i: (rows[i][0].casefold(), i))
        positions = {facet.param: {} for facet in definitions}

        def add(param, value, index):
            positions[param].setdefault(value, []).append(index)

        for index, row in enumerate(rows):
            for facet, raw in zip(value_facets, row[1:], strict=True):
                value = facet.value_of(raw)
                if value is not None:
                    add(facet.param, value, index)

        # Every many-to-many facet's (practice, term) pairs, in one query.
        listable_ids = model.objects.listable().filter(shown).values("pk")
        pairs = None
        for facet in definitions:
            if facet.kind != facet_module.M2M:
                continue
            relation = getattr(model, facet.source)
            column = relation.field.m2m_reverse_field_name()
            rows = (
                relation.through.objects.filter(practicepage_id__in=listable_ids)
                .annotate(param=Value(facet.param))
                .values_list("param", "practicepage_id", f"{column}__code")
            )
            pairs = rows if pairs is None else pairs.union(rows, all=True)
        for param, practice_id, code in pairs if pairs is not None else ():
            add(param, code, position[practice_id])
        bits_at = facet_module.bits_at
        self.bits = {
            param: {value: bits_at(indexes, self.size) for value, indexes in options.items()}
            for param, options in positions.items()
        }

    def values_of(self, pk, param):
        """The option values of practice `pk` (None if this index shows another version)."""
        position = self.position_of.get(pk)
        if position is None or self.ids[position] != pk:
            return None
        return {value for value, bits in self.bits[param].items() if bits >> position & 1}

    def mask_of(self, pks):
        """The bits of the practices of which these are public versions (any language)."""
        found = (self.position_of.get(pk) for pk in pks)
        known = (position for position in found if position is not None)
        return facet_module.bits_at(known, self.size)

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


def facet_index(model, language, definitions=FACETS, build=True):
    """The facet index of `model`'s listable practices for readers of one language (one
    version of every practice, in their language where translated), rebuilt when the
    practices' revision has changed; with `build=False`, None rather than a rebuild."""
    revision = Revision.current(Revision.PRACTICES)
    # Keyed by the day too: a validation's re-check date passing changes the "validated" filter.
    params = tuple(definition.param for definition in definitions)
    key = (model._meta.label, language, params, timezone.localdate())
    cached = _indexes.get(key)
    if revision is not None and cached and cached[0] == revision:
        return cached[1]
    if not build:
        return None
    built = FacetIndex(model, language, definitions)
    with _lock:
        for old in [k for k in _indexes if k[:3] == key[:3] and k != key]:
            del _indexes[old]  # yesterday's
        _indexes[key] = (revision, built)
    return built


def prefill_terms(practices, relations=TERM_RELATIONS, language=None):
    """Give `practices` their taxonomy terms (many-to-many relations named in `relations`)
    from the facet index already built for the reader's language, as `prefetch_related` would,
    without a query; `prefetch_related` then reads only the relations left out (practices the
    index does not show, or no index yet)."""
    definitions = [FACETS_BY_SOURCE[name] for name in relations if name in FACETS_BY_SOURCE]
    if not practices or not definitions:
        return
    index = facet_index(type(practices[0]), language or current_language(), build=False)
    if index is None:
        return
    terms = {definition.source: terms_by_code(definition.model) for definition in definitions}
    for practice in practices:
        cache = practice.__dict__.setdefault("_prefetched_objects_cache", {})
        for definition in definitions:
            if definition.source in cache:
                continue
            codes = index.values_of(practice.pk, definition.param)
            if codes is None:
                break  # not the version the index shows: prefetch_related reads it
            chosen = [term for code, term in terms[definition.source].items() if code in codes]
            queryset = getattr(practice, definition.source).get_queryset()
            queryset._result_cache, queryset._prefetch_done = chosen, True
            cache[definition.source] = queryset


def index_facets(index, selected, within=None):
    """The library's facets with counts from the index, each under the other filters (and
    among the practices of the bitset `within`, if given)."""
    within = index.all if within is None else within
    counts = {
        definition.param: index.counts(
            definition.param, index.matching(selected, skip=definition.param) & within
        )
        for definition in index.definitions
    }
    return facet_module.facets_from_counts(index.definitions, counts, selected)


class IndexPaginator(Paginator):
    """Pages over the ids the facet index selected; each page is read from the database."""

    def __init__(self, index, result, sort, practices, per_page=PAGE_SIZE):
        self.index, self.result, self.sort, self.practices = index, result, sort, practices
        super().__init__(range(result.bit_count()), per_page)

    def page(self, number):
        number = self.validate_number(number)
        start = (number - 1) * self.per_page
        ids = self.index.ordered_ids(self.result, self.sort, start, start + self.per_page)
        by_id = {practice.pk: practice for practice in self.practices.filter(pk__in=ids)}
        return self._get_page([by_id[pk] for pk in ids if pk in by_id], number, self)


def chosen(request, model):
    """(facet index, selected filters, sort) of a library request."""
    index = facet_index(model, current_language())
    selected = facet_module.selection(request.GET, FACETS)
    return index, selected, chosen_sort(request.GET.get("sort"), LIBRARY_SORTS)


def matching_ids(request, model):
    """The ids of every practice the library shows for this request, in its order."""
    index, selected, sort = chosen(request, model)
    return index.ordered_ids(index.matching(selected), sort, 0, index.size)


def build_listing(request, model):
    """Context for the library page of `model` (practices): results page, facets, active
    filters, sort."""
    index, selected, sort = chosen(request, model)
    practices = model.objects.listable().for_listing()
    paginator = IndexPaginator(index, index.matching(selected), sort, practices)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    facets = index_facets(index, selected)
    return {
        "practices": page,
        "paginator": paginator,
        "facets": facets,
        "active_filters": facet_module.active_filters(request.GET, facets),
        "sort": sort,
        "sorts": sort_choices(LIBRARY_SORTS),
    }
