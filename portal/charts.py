"""Charts of the monitoring dashboard: a title, a text summary, rows that each link into a
listing with that filter, shown as an accessible table with a server-rendered SVG bar in each
row (no script, no inline style: the strict CSP holds) and offered as CSV. Feature apps
contribute panels through a Wagtail hook, so that the dashboard (in `practices`) needs no import
of them and `portal` none of any feature:

    @hooks.register(DASHBOARD_PANELS)
    def upcoming_events():
        return Panel(order=80, chart=events_by_area)  # chart(request, selected) -> Chart | None
"""

import io
from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpResponse
from django.utils.text import slugify

from wagtail import hooks

from portal import csv

DASHBOARD_PANELS = "register_dashboard_panel"


@dataclass
class Row:
    label: str
    value: int
    url: str = ""
    note: str = ""  # e.g. "gap": shown in the table, styles the bar


@dataclass
class Chart:
    slug: str
    title: str
    summary: str
    label_header: str
    value_header: str
    rows: list = field(default_factory=list)
    scale: int = 0  # the value of a full bar (e.g. 100 for percentages); 0: the largest

    @property
    def maximum(self):
        return self.scale or max((row.value for row in self.rows), default=0)

    @property
    def bars(self):
        """(row, its bar's length in % of a full one) of every row, for the SVG bars."""
        top = self.maximum or 1
        return [(row, 100 * row.value / top) for row in self.rows]

    def table(self):
        """The header and rows of the data table (and of the CSV)."""
        return [self.label_header, self.value_header], [[r.label, r.value] for r in self.rows]


@dataclass(frozen=True)
class Panel:
    order: int
    chart: Callable  # (request, selected filters) -> Chart or None


def panel_charts(request, selected):
    """The charts of every registered panel with something to show, in order."""
    panels = sorted((fn() for fn in hooks.get_hooks(DASHBOARD_PANELS)), key=lambda p: p.order)
    return [chart for panel in panels if (chart := panel.chart(request, selected)) is not None]


def csv_response(header, rows, name):
    """A CSV download of a table (formula-safe, with a BOM for spreadsheets)."""
    buffer = io.StringIO()
    writer = csv.Writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(name)}.csv"'
    return response


@dataclass
class Cell:
    value: int
    url: str = ""
    note: str = ""  # "gap" (none) or "few"


@dataclass
class Matrix:
    """A cross-table (e.g. country × action area) whose cells link into the listing."""

    slug: str
    title: str
    summary: str
    row_header: str
    columns: list  # labels
    rows: list = field(default_factory=list)  # (label, url, [Cell])
    legend: bool = True  # the "no practice" / "fewer than 3" legend (when cells mark gaps)

    def table(self):
        header = [self.row_header, *self.columns]
        return header, [[label, *(cell.value for cell in cells)] for label, _, cells in self.rows]
