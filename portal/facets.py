"""Facets: the filters of every listing, with counts — one module for the practice library, the
events listing, both search engines and (later) the API and the dashboard.

A *facet definition* says where a filter's values come from:
- "m2m": a many-to-many relation to a taxonomy (`source` is the relation name);
- "value": a column or lookup on the object (`source`), optionally mapped by `transform`;
- "year": the year of a date field; "month": the year and month ("2026-11") of a date field;
- "until": a date field (`source`, e.g. a re-check date) that counts while today is not past
  it: one option, `choices[0]`; the search cluster holds the date and compares it with the
  day of the query;
- "language": the language of the version each reader is shown (`source`: its locale's
  language code; `choices`: the languages): the reader's own where the text is translated, else
  the default language, else the original (`portal.i18n.best_language`). Its options put the
  reader's language first ("available in my language"), then the others in the reader's
  alphabetical order. A back end holding one entry per translation group (the search cluster)
  answers it from the group's languages.

A *selection* is {param: [values]} read from a query string. Filters combine with AND across
facets and OR within one; each facet's counts are taken under every *other* active filter, so a
reader sees what each option would give. Back ends: the ORM functions here (any queryset), the
practice library's bitset index, and the search engines — all driven by these definitions.
"""

import calendar
import datetime
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.collation import collation_key
from portal.models import Revision

M2M, VALUE, YEAR, MONTH, LANGUAGE, UNTIL = "m2m", "value", "year", "month", "language", "until"
# More values than this for one filter is not a person choosing filters: the rest are ignored.
MAX_VALUES = 60
MONTH_VALUE = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class FacetDefinition:
    param: str
    label: str
    kind: str
    source: str
    model: type | None = None  # a taxonomy model with `facet_options()`
    choices: tuple = ()
    transform: Callable | None = None  # raw column value -> option value ("value" facets)
    raw_values: tuple = ()  # with `transform`: every raw value the column can hold

    # -- values ------------------------------------------------------------------------

    def clean(self, values):
        """The well-formed values among `values` (unknown codes simply match nothing)."""
        values = [value for value in dict.fromkeys(values) if value and len(value) <= 100]
        if self.kind == MONTH:
            values = [value for value in values if parse_month(value)]
        elif self.kind == YEAR:
            values = [value for value in values if value.isdigit() and len(value) == 4]
        return values[:MAX_VALUES]

    def value_of(self, raw):
        """The option value of one raw column value ("value", "year" and "month" facets)."""
        if raw is None:
            return None
        if self.kind == UNTIL:
            return self.choices[0][0] if raw >= timezone.localdate() else None
        if self.kind == YEAR:
            return str(raw.year)
        if self.kind == MONTH:
            return f"{raw:%Y-%m}"
        return self.transform(raw) if self.transform else raw

    @property
    def column(self):
        """The lookup whose values the facet counts (for "m2m": the related term's code)."""
        return f"{self.source}__code" if self.kind == M2M else self.source

    def values_of(self, obj):
        """The facet's values for one object, e.g. for a search document."""
        if self.kind == M2M:
            return [term.code for term in getattr(obj, self.source).all()]
        raw = obj
        for part in self.source.split("__"):
            raw = getattr(raw, part, None)
            if raw is None:
                break
        if self.kind == UNTIL:  # the document keeps the date; the query compares it
            return [] if raw is None else [raw.isoformat()]
        value = self.value_of(raw)
        return [] if value is None else [value]

    # -- labels ------------------------------------------------------------------------

    def options(self, counts):
        """[(value, label)] in display order, in the active language."""
        if self.kind == YEAR:
            return [(year, year) for year in sorted(counts, reverse=True)]
        if self.kind == MONTH:
            return [(key, month_label(key)) for key in sorted(counts)]
        if self.model is not None:
            return _model_options(self)
        if self.kind == LANGUAGE:
            return language_options(self.choices)
        return [(value, str(label)) for value, label in self.choices]

    # -- the ORM back end --------------------------------------------------------------

    def filter(self, queryset, values):
        if self.kind == UNTIL:
            if self.choices[0][0] not in values:
                return queryset.none()
            return queryset.filter(**{f"{self.source}__gte": timezone.localdate()})
        if self.kind == MONTH:
            query = Q()
            for value in values:
                year, month = parse_month(value)
                query |= Q(**{f"{self.source}__year": year, f"{self.source}__month": month})
            return queryset.filter(query) if values else queryset
        if self.kind == YEAR:
            return queryset.filter(**{f"{self.source}__year__in": [int(v) for v in values]})
        if self.transform:
            raws = [raw for raw in self.raw_values if self.transform(raw) in values]
            return queryset.filter(**{f"{self.source}__in": raws})
        lookup = queryset.filter(**{f"{self.column}__in": values})
        return lookup.distinct() if self.kind == M2M or "__" in self.source else lookup

    def counts(self, queryset):
        if self.kind == UNTIL:
            number = self.filter(queryset, [self.choices[0][0]]).count()
            return {self.choices[0][0]: number} if number else {}
        if self.kind in (YEAR, MONTH):
            counts = {}
            for (raw,) in queryset.order_by().values_list(self.source):
                value = self.value_of(raw)
                if value is not None:
                    counts[value] = counts.get(value, 0) + 1
            return counts
        rows = queryset.order_by().values_list(self.column).annotate(n=Count("pk", distinct=True))
        counts = {}
        for raw, number in rows:
            value = self.value_of(raw) if self.kind == VALUE else raw
            if value:
                counts[value] = counts.get(value, 0) + number
        return counts


def bits_at(positions, size):
    """An int of `size` bits with those at `positions` set: in time linear in both, where
    or-ing bits in one at a time copies the whole int each time (minutes at 100,000)."""
    buffer = bytearray((size + 7) // 8)
    for position in positions:
        buffer[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(buffer, "little")


def bit_test(number, size):
    """A function telling whether bit `i` of `number` is set, reading `number` once (shifting
    a large int for every test costs its whole length)."""
    data = number.to_bytes((size + 7) // 8, "little")
    return lambda i: data[i >> 3] >> (i & 7) & 1


def parse_month(value):
    """(year, month) of "YYYY-MM" within the calendar's range, else None."""
    match = MONTH_VALUE.match(value or "")
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (1 <= year <= 9998 and 1 <= month <= 12):
        return None
    return year, month


def month_label(key):
    year, month = parse_month(key)
    return f"{MONTHS[month]} {year}"


def month_bounds(year, month):
    first = datetime.date(year, month, 1)
    return first, first.replace(day=calendar.monthrange(year, month)[1])


def language_options(choices):
    """[(code, label)] of languages: the reader's first ("Available in my language"), then the
    others by their names in the reader's alphabetical order."""
    reader = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    names = {code: str(name) for code, name in choices}
    others = sorted(
        (code for code in names if code != reader),
        key=lambda code: collation_key(names[code], reader),
    )
    mine = []
    if reader in names:
        mine = [
            (reader, _("Available in my language (%(language)s)") % {"language": names[reader]})
        ]
    return mine + [(code, capfirst(names[code])) for code in others]


_labels = {}
_labels_lock = threading.Lock()


def _model_options(definition):
    """A taxonomy's options in the active language, cached until the taxonomy changes."""
    key = (get_language(), definition.param, definition.model._meta.label)
    revision = Revision.current(Revision.TAXONOMY)
    cached = _labels.get(key)
    if cached and cached[0] == revision:
        return cached[1]
    options = definition.model.facet_options()
    with _labels_lock:
        if len(_labels) > 500:
            _labels.clear()
        _labels[key] = (revision, options)
    return options


# -- presentation ----------------------------------------------------------------------------


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


def selection(query, definitions):
    """{param: [values]} of the known facets in a query string (a QueryDict)."""
    selected = {}
    for definition in definitions:
        values = definition.clean(query.getlist(definition.param))
        if values:
            selected[definition.param] = values
    return selected


def facets_from_counts(definitions, counts, selected):
    """Facets with labelled options: those with results, and those chosen."""
    facets = []
    for definition in definitions:
        facet_counts = counts.get(definition.param, {})
        chosen = set(selected.get(definition.param, []))
        options = [
            Option(value, label, facet_counts.get(value, 0), value in chosen)
            for value, label in definition.options(facet_counts)
            if value in facet_counts or value in chosen
        ]
        facets.append(Facet(definition.param, definition.label, options))
    return facets


def apply(queryset, definitions, selected, skip=None):
    """The queryset narrowed by every selected facet (but `skip`)."""
    for definition in definitions:
        if definition.param != skip and definition.param in selected:
            queryset = definition.filter(queryset, selected[definition.param])
    return queryset


def orm_facets(queryset, definitions, selected):
    """Facets counted with the ORM: each under every other selected filter."""
    counts = {
        definition.param: definition.counts(
            apply(queryset, definitions, selected, skip=definition.param)
        )
        for definition in definitions
    }
    return facets_from_counts(definitions, counts, selected)


def active_filters(query, facets):
    """The chosen options, each with the address that removes it (filter chips)."""
    return [
        {
            "facet": facet,
            "option": option,
            "remove_url": remove_url(query, facet.param, option.value),
        }
        for facet in facets
        for option in facet.selected
    ]


def remove_url(query, param, value):
    query = query.copy()
    query.setlist(param, [v for v in query.getlist(param) if v != value])
    query.pop("page", None)
    return "?" + query.urlencode() if query else "?"
