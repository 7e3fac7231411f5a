"""Reading the files the import accepts (CSV, Excel, JSON) into rows of raw values.

Each row comes with the number a person finds it under: the spreadsheet row (the header is
row 1) in CSV and Excel, the position in the list (from 1) in JSON.
"""

import csv
import datetime
import io
import json
import zipfile
from pathlib import Path

from django.utils.translation import gettext as _

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from portal.csv import FORMULA_STARTS

from .records import FIELDS_BY_NAME

FORMATS = ("csv", "xlsx", "json")


class FileProblem(Exception):
    """The file cannot be read as a whole (its message says why, for the person importing)."""


def format_of(name):
    suffix = Path(name).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise FileProblem(_("Import a .csv, .xlsx or .json file."))
    return suffix


def unprotected(value):
    """A cell as it was before an export neutralised a formula-like start ("'=…" → "=…")."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def _csv_rows(content):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileProblem(_("The file is not UTF-8 text: save it as “CSV UTF-8”.")) from error
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    for number, row in enumerate(reader, start=2):
        if any((value or "").strip() for value in row.values() if isinstance(value, str)):
            yield number, {key: unprotected(value) for key, value in row.items() if key}


def _xlsx_rows(content):
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise FileProblem(_("The file is not an Excel workbook (.xlsx).")) from error
    rows = workbook.worksheets[0].iter_rows(values_only=True)
    header = [str(name).strip() if name is not None else "" for name in next(rows, ())]
    for number, values in enumerate(rows, start=2):
        if all(value in (None, "") for value in values):
            continue
        row = {}
        for name, value in zip(header, values, strict=False):
            if name:
                if isinstance(value, datetime.datetime):
                    value = value.date()
                row[name] = unprotected(value)
        yield number, row
    workbook.close()


def _json_rows(content):
    try:
        document = json.loads(content)
    except (UnicodeDecodeError, ValueError) as error:
        raise FileProblem(_("The file is not valid JSON: %(error)s") % {"error": error}) from error
    if isinstance(document, dict):
        document = document.get("practices")
    if not isinstance(document, list):
        raise FileProblem(
            _("A JSON import is a list of practices, or an object with a “practices” list.")
        )
    for number, item in enumerate(document, start=1):
        yield number, item if isinstance(item, dict) else None


READERS = {"csv": _csv_rows, "xlsx": _xlsx_rows, "json": _json_rows}


def read_rows(name, content):
    """([(row number, {column: raw value} or None when the row is not an object)], ignored
    column names). Raises FileProblem."""
    rows = list(READERS[format_of(name)](content))
    columns = {column for _number, row in rows if row for column in row}
    if rows and "id" not in columns:
        raise FileProblem(
            _("The file has no “id” column: give every practice its id in your source.")
        )
    ignored = sorted(column for column in columns if column not in FIELDS_BY_NAME)
    return rows, ignored
