"""Exports of any listing as CSV, JSON or Excel: the listing's own address with `?export=csv`,
`json` or `xlsx` (every filter and query kept).

A feature gives the column names and an iterator of records (dicts of plain values: strings,
numbers, dates, lists); this module writes them out without holding them all in memory: CSV
and JSON stream row by row, Excel is written in openpyxl's write-only mode to a temporary file
that is then streamed. Streamed answers are never page-cached (portal.pagecache). Cells that
would start a formula in a spreadsheet are neutralised (portal.csv.safe_cell), in CSV and in
Excel alike.
"""

import datetime
import decimal
import json
import tempfile

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import FileResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from portal.csv import safe_cell, writer

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
LIST_SEPARATOR = "; "  # several values in one spreadsheet cell (codes, names)


def requested_format(request):
    """The export format asked for ("csv", "json", "xlsx"), "" for the page itself, or None
    when `export` names no format we write."""
    value = request.GET.get("export", "")
    if not value:
        return ""
    return value if value in FORMATS else None


def bad_format():
    return HttpResponseBadRequest(
        _("Unknown export format. Use export=csv, export=json or export=xlsx."),
        content_type="text/plain; charset=utf-8",
    )


def flat(value):
    """A record's value as one spreadsheet cell."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


class _Echo:
    """A file that hands back what is written to it (csv.writer into a stream)."""

    def write(self, value):
        return value


def _csv_lines(columns, records):
    out = writer(_Echo())
    yield "\ufeff" + out.writerow(columns)  # a BOM: Excel then reads the file as UTF-8
    for record in records:
        yield out.writerow([flat(record.get(name)) for name in columns])


def _json_chunks(kind, records):
    licence = json.dumps(settings.OPEN_DATA_LICENCE)
    yield f'{{"licence": {licence}, "{kind}": ['
    for number, record in enumerate(records):
        yield ("," if number else "") + "\n" + json.dumps(record, cls=DjangoJSONEncoder)
    yield "\n]}\n"


def _xlsx_cell(sheet, value):
    value = flat(value)
    cell = WriteOnlyCell(sheet, value=safe_cell(value))
    if isinstance(value, str):
        cell.data_type = "s"  # text, never a formula
    return cell


def write_xlsx(columns, records, file, title):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    sheet.append([_xlsx_cell(sheet, name) for name in columns])
    for record in records:
        sheet.append([_xlsx_cell(sheet, record.get(name)) for name in columns])
    workbook.save(file)


def export_response(export_format, name, kind, columns, records):
    """The answer to `?export=<export_format>`: a download named `name`-<date>.<format>.
    `kind` names the list in JSON ("practices", "events")."""
    filename = f"{name}-{timezone.localdate():%Y-%m-%d}.{export_format}"
    if export_format == "xlsx":
        file = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
        write_xlsx(columns, records, file, kind)
        file.seek(0)
        response = FileResponse(
            file, as_attachment=True, filename=filename, content_type=FORMATS["xlsx"]
        )
    else:
        chunks = (
            _csv_lines(columns, records) if export_format == "csv" else _json_chunks(kind, records)
        )
        response = StreamingHttpResponse(chunks, content_type=FORMATS[export_format])
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def in_chunks(ids, read, size=500):
    """Records of `ids` in their order, `size` at a time: `read(chunk)` gives {id: record}."""
    for start in range(0, len(ids), size):
        chunk = ids[start : start + size]
        found = read(chunk)
        for pk in chunk:
            if pk in found:
                yield found[pk]
