"""CSV that is safe to open in a spreadsheet.

A cell that starts with "=", "+", "-", "@", a tab or a carriage return is read by Excel,
LibreOffice and Google Sheets as a formula (CSV/formula injection: `=HYPERLINK(...)`,
`=cmd|'/c calc'!A1`). Every CSV this project writes goes through `writer()`/`DictWriter`, which
prefix such cells with an apostrophe, so that the spreadsheet shows them as text.
"""

import csv

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """`value` as a spreadsheet shows it as text: strings that would start a formula get "'"."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class Writer:
    """csv.writer with every cell passed through `safe_cell`."""

    def __init__(self, file, dialect="excel", **kwargs):
        self._writer = csv.writer(file, dialect, **kwargs)
        self.dialect = self._writer.dialect

    def writerow(self, row):
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


class DictWriter(csv.DictWriter):
    """csv.DictWriter with every cell (and the header) passed through `safe_cell`."""

    def writerow(self, rowdict):
        return super().writerow({key: safe_cell(value) for key, value in rowdict.items()})

    def writerows(self, rowdicts):
        for rowdict in rowdicts:
            self.writerow(rowdict)


def writer(file, dialect="excel", **kwargs):
    """Like csv.writer(file), with formula-like cells neutralised."""
    return Writer(file, dialect, **kwargs)


def protect_wagtail_exports():
    """Neutralise formulas in the CSV exports of Wagtail's admin (reports, listings with
    `list_export`): Wagtail protects its XLSX export but writes CSV cells as they are, and
    offers no setting or hook for it. Call once, from an AppConfig's ready()."""
    if getattr(SpreadsheetExportMixin, "_formula_safe", False):
        return
    original = SpreadsheetExportMixin.preprocess_field_value

    def preprocess_field_value(self, field, value, export_format):
        result = original(self, field, value, export_format)
        if export_format == SpreadsheetExportMixin.FORMAT_CSV:
            return safe_cell(result)
        return result

    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin._formula_safe = True
