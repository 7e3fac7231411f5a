"""The monitoring dashboard: where Europe's practice knowledge is thick and where it is thin.

Every number comes from the library's facet index (`practices.library`) under the library's own
filters (`practices.facets`, read from the query string by `portal.facets.selection`), so the
dashboard and the library always agree: a chart by one facet counts as that facet's options do
in the library's filter panel (under every *other* filter), and each bar links to the library
with the current filters and that option. Other apps add charts through `portal.charts` panels.
"""

import functools
import math
import xml.etree.ElementTree as ET
from importlib import resources

from django.utils.html import format_html_join
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from portal import facets as facet_module
from portal.charts import Cell, Chart, Matrix, Row, panel_charts
from portal.choices import CountryGroup
from portal.i18n import current_language
from portal.models import Country
from portal.models.taxonomy import terms_by_code

from .choices import EvidenceLevel
from .dashboard_exchange import adoption_chart, validation_chart
from .facets import FACETS, FACETS_BY_PARAM
from .library import facet_index, index_facets

FEW = 3  # a country × area cell with fewer practices than this is a gap (none: a blank one)
MAP_LEVELS = 4
# The part of pygal's world map (2475 × 1388) that shows Europe, Iceland to Cyprus.
EUROPE_VIEWBOX = "1120 120 360 280"
# Drawn for context (without data) around the countries the dashboard counts.
EUROPE = set(
    "al ad at by be ba bg hr cy cz dk ee fi fr de gr hu is ie it xk lv li lt lu mt md mc me nl "
    "mk no pl pt ro ru sm rs sk si es se ch ua gb tr ge am az ma dz tn ly eg sy lb il jo iq ir "
    "kz".split()
)
SVG = "{http://www.w3.org/2000/svg}"


@functools.cache
def country_shapes():
    """{ISO code: its SVG <path> elements} of pygal-maps-world's world map (LGPL-3.0, see its
    package): data of an installed package, read once, escaped once."""
    text = resources.files("pygal_maps_world").joinpath("worldmap.svg").read_text()
    shapes = {}
    for group in ET.fromstring(text).iter(f"{SVG}g"):  # noqa: S314 (a file of the package)
        classes = group.get("class", "").split()
        if "country" in classes:
            paths = [path.get("d") for path in group.iter(f"{SVG}path")]
            shapes[classes[0]] = format_html_join("", '<path d="{}"/>', ((d,) for d in paths))
    return shapes


class Dashboard:
    """The dashboard's charts for one request (its filters, its language)."""

    def __init__(self, request, model, library_url):
        self.request = request
        self.index = facet_index(model, current_language())
        self.selected = facet_module.selection(request.GET, FACETS)
        self.library_url = library_url or ""
        self.total = self.index.matching(self.selected).bit_count()
        self.query = {key: values for key, values in request.GET.lists() if key != "page"}

    # -- helpers ---------------------------------------------------------------------------

    def within(self, *skip):
        """The practices matching every selected filter but those of `skip`."""
        result = self.index.all
        for param, values in self.selected.items():
            if param not in skip:
                result &= self.index.mask(param, values)
        return result

    def link(self, **params):
        """The library's address with the current filters, `params` replacing theirs."""
        query = {**self.query, **{param: [value] for param, value in params.items()}}
        return f"{self.library_url}?{urlencode(query, doseq=True)}"

    def options(self, param, counts, every=False):
        definition = FACETS_BY_PARAM[param]
        return [
            (value, label)
            for value, label in definition.options(counts)
            if every or counts.get(value)
        ]

    def bars(self, param, title, every=True):
        counts = self.index.counts(param, self.within(param))
        rows = [
            Row(label, counts.get(value, 0), self.link(**{param: value}))
            for value, label in self.options(param, counts, every)
        ]
        top = max(rows, key=lambda row: row.value, default=None)
        if top is None or not top.value:
            summary = _("No practice matches these filters.")
        else:
            summary = _("Most practices: %(label)s (%(count)s of %(total)s).") % {
                "label": top.label,
                "count": top.value,
                "total": self.total,
            }
        header = str(FACETS_BY_PARAM[param].label)
        return Chart(param, title, summary, header, _("Practices"), rows)

    def by_year(self):
        chart = self.bars("year", _("Practices by start year"), every=False)
        chart.rows.reverse()  # oldest first
        return chart

    def countries(self):
        """Countries shown on the map and in the matrix: the EU's, and any with practices."""
        counts = self.index.counts("country", self.within("country"))
        terms = terms_by_code(Country)
        return [
            (code, label)
            for code, label in self.options("country", counts, every=True)
            if counts.get(code) or getattr(terms.get(code), "group", "") == CountryGroup.EU
        ], counts

    # -- the charts ------------------------------------------------------------------------

    def country_map(self):
        countries, counts = self.countries()
        rows = [Row(name, counts.get(code, 0), self.link(country=code)) for code, name in countries]
        chart = self.bars("country", _("Practices by country"))
        chart.rows = rows  # the EU's countries and any others with practices
        top = max((row.value for row in rows), default=0) or 1
        shapes = country_shapes()
        chart.shapes = [
            {
                "code": code,
                "row": row,
                "level": math.ceil(MAP_LEVELS * row.value / top),
                "paths": shapes[code],
            }
            for (code, _label), row in zip(countries, rows, strict=True)
            if code in shapes
        ]
        shown = {shape["code"] for shape in chart.shapes}
        chart.context_paths = mark_safe("".join(shapes.get(code, "") for code in EUROPE - shown))  # noqa: S308
        chart.viewbox = EUROPE_VIEWBOX
        return chart

    def matrix(self, row_param, column_param, slug, title):
        """Practices by two facets; cells with none or few are marked as gaps."""
        within = self.within(row_param, column_param)
        columns = self.options(column_param, self.index.counts(column_param, within), every=True)
        if row_param == "country":
            rows_of = self.countries()[0]
        else:
            rows_of = self.options(row_param, self.index.counts(row_param, within))
        rows, gaps, few = [], 0, 0
        for value, label in rows_of:
            row_bits = self.index.mask(row_param, [value]) & within
            cells = []
            for column, _label in columns:
                count = (self.index.mask(column_param, [column]) & row_bits).bit_count()
                note = "gap" if not count else "few" if count < FEW else ""
                gaps, few = gaps + (note == "gap"), few + (note == "few")
                url = self.link(**{row_param: value, column_param: column})
                cells.append(Cell(count, url, note))
            rows.append((label, self.link(**{row_param: value}), cells))
        summary = _(
            "%(gaps)s of %(cells)s combinations have no practice and %(few)s have fewer than "
            "%(threshold)s."
        ) % {"gaps": gaps, "cells": len(rows) * len(columns), "few": few, "threshold": FEW}
        header = str(FACETS_BY_PARAM[row_param].label)
        return Matrix(slug, title, summary, header, [label for _v, label in columns], rows)

    def unevaluated(self):
        """Per action area, the share of practices that are not evaluated: a gap above half."""
        within = self.within("area", "evidence")
        none = self.index.mask("evidence", [EvidenceLevel.NONE])
        rows, flagged = [], []
        counts = self.index.counts("area", within)
        for value, label in self.options("area", counts, every=True):
            area = self.index.mask("area", [value]) & within
            total = area.bit_count()
            share = round(100 * (area & none).bit_count() / total) if total else 0
            note = "gap" if share > 50 else ""
            if note:
                flagged.append(label)
            rows.append(Row(label, share, self.link(area=value, evidence=EvidenceLevel.NONE), note))
        if flagged:
            summary = _("Most practices are not evaluated in: %(areas)s.") % {
                "areas": ", ".join(flagged)
            }
        else:
            summary = _("In every action area, most practices have been evaluated.")
        return Chart(
            "unevaluated",
            _("Share of practices not evaluated, by action area"),
            summary,
            str(FACETS_BY_PARAM["area"].label),
            _("Not evaluated (%)"),
            rows,
            scale=100,
        )

    def charts(self):
        """Every chart of the dashboard, in reading order (each has a `slug` for its CSV)."""
        return [
            self.country_map(),
            self.matrix("country", "area", "country-area", _("Practices by country and area")),
            self.bars("area", _("Practices by action area")),
            self.by_year(),
            self.matrix("funding", "area", "funding-area", _("Funding instruments by area")),
            self.bars("target", _("Practices by target group")),
            self.bars("evidence", _("Practices by evidence level")),
            self.unevaluated(),
            validation_chart(self),
            adoption_chart(self),
            *panel_charts(self.request, self.selected),
        ]

    def facets(self):
        return index_facets(self.index, self.selected)
