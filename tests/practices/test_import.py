"""Bulk import: files in three formats, validated by the submission form's rules and reported
by row and field; labels in any language; idempotent reruns; export → import round trip; the
admin flow for editors."""

import csv
import io
import json
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from wagtail.models import Page, PageLogEntry

import openpyxl
import pytest

from portal import locales
from portal.models import Organisation
from portal.models.organisations import OrganisationStatus
from practices.import_files import read_rows
from practices.importing import Importer
from practices.models import ImportedPractice, ImportRun, PracticePage
from practices.records import COLUMNS, IMPORTED
from tests.utils import soup, text

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent.parent / "data"
EXAMPLE_CSV = DATA / "practice-import-example.csv"
EXAMPLE_JSON = DATA / "practice-import-example.json"


@pytest.fixture
def languages(library):
    """Swedish, German and Arabic libraries and taxonomy labels, as sync_locales makes them."""
    locales.provision(languages=["sv", "de", "ar"])


def run(path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_practices", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def codes(page, relation):
    return sorted(term.code for term in getattr(page, relation).all())


def imported(external_id, source="example"):
    record = ImportedPractice.objects.get(source=source, external_id=external_id)
    return record.practice.specific.get_latest_revision_as_object()


def write_csv(path, rows):
    columns = list(dict.fromkeys(name for row in rows for name in row))
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def example_rows():
    with EXAMPLE_CSV.open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


@pytest.mark.parametrize("example", [EXAMPLE_CSV, EXAMPLE_JSON])
def test_the_example_imports_as_drafts_in_the_locale_of_their_language(
    languages, make_organisation, example
):
    make_organisation("municipality", "se", name="City of Norrvik", slug="norrvik")
    problems = Page.find_problems()  # (locale provisioning leaves the home's child count)
    out, err = run(example, "--source", "example")
    assert "3 created, 0 updated, 0 unchanged, 0 failed" in out
    assert "Importing: 3/3 (100%)" in err
    cafe, jobs, flats = imported("ext-001"), imported("ext-002"), imported("ext-003")
    assert not any(page.live for page in (cafe, jobs, flats))
    assert [p.locale.language_code for p in (cafe, jobs, flats)] == ["en", "sv", "de"]
    assert cafe.get_parent().specific.locale.language_code == "en"
    assert jobs.get_parent().locale.language_code == "sv"
    assert cafe.organisation.name == "City of Norrvik"
    assert codes(cafe, "target_groups") == ["refugees", "women"]
    assert cafe.people_reached == 350
    # Swedish labels
    assert codes(jobs, "action_areas") == ["employment-and-skills"]
    assert codes(jobs, "sub_themes") == ["labour-market-integration"]
    assert codes(jobs, "funding_instruments") == ["esf-plus"]
    assert [c.code for c in jobs.countries.all()] == ["se"]
    assert (jobs.implementation_level, jobs.continuation) == ("regional", "finished")
    assert (jobs.evidence_level, jobs.migrant_participation) == ("external", "neither")
    # German labels; an organisation not on the portal yet is proposed, hidden
    assert codes(flats, "action_areas") == ["housing"]
    assert codes(flats, "sub_themes") == ["access-to-housing"]
    assert codes(flats, "target_groups") == ["refugees"]
    proposed = flats.organisation
    assert (proposed.name, proposed.country.code) == ("Nachbarschaftshilfe e.V.", "de")
    assert proposed.organisation_type.code == "ngo"
    assert proposed.status == OrganisationStatus.PROPOSED
    assert jobs.organisation.organisation_type.code == "national-authority"
    assert flats.licence == "https://creativecommons.org/licenses/by/4.0/"
    assert Page.find_problems() == problems  # the tree is as sound as before


def test_imported_drafts_are_ordinary_drafts(languages, make_organisation, editor_client):
    make_organisation("municipality", "se", name="City of Norrvik", slug="norrvik")
    run(EXAMPLE_CSV, "--source", "example")
    page = PracticePage.objects.get(title="Language café in the town library")
    assert page.get_parent().numchild == page.get_parent().get_children().count()
    assert editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
    history = PageLogEntry.objects.filter(page=page).values_list("action", flat=True)
    assert list(history) == ["wagtail.create"]
    revision = page.latest_revision
    assert revision.as_object().summary == page.summary
    page.latest_revision.publish()  # an editor approves it
    page.refresh_from_db()
    assert page.live and page.url.startswith("/en/practices/")


def test_arabic_labels_map_to_the_codes(languages, make_organisation, tmp_path):
    make_organisation("ngo", "se", name="Malmö Welcome", slug="malmo-welcome")
    row = {
        **example_rows()[0],
        "id": "ar-1",
        "language": "ar",
        "organisation": "Malmö Welcome",
        "organisation_type": "",
        "action_areas": "التعليم والتدريب; السكن",
        "sub_themes": "تعلّم اللغة",
        "target_groups": "اللاجئون; النساء",
        "funding_instruments": "الصندوق الاجتماعي الأوروبي بلس (ESF+)",
    }
    run(write_csv(tmp_path / "arabic.csv", [row]), "--source", "example")
    page = imported("ar-1")
    assert page.locale.language_code == "ar"
    assert codes(page, "action_areas") == ["education-and-training", "housing"]
    assert codes(page, "sub_themes") == ["language-learning"]
    assert codes(page, "target_groups") == ["refugees", "women"]
    assert codes(page, "funding_instruments") == ["esf-plus"]


@pytest.fixture
def bad_file(tmp_path, make_organisation):
    make_organisation("municipality", "se", name="City of Norrvik", slug="norrvik")
    good, no_area, bad_dates, unknown = (dict(row) for row in [example_rows()[0]] * 4)
    no_area.update(id="bad-1", action_areas="")
    bad_dates.update(id="bad-2", start_date="2020-05-01", end_date="2019-01-01")
    unknown.update(
        id="bad-3",
        target_groups="refugees; Martians",
        organisation="Unknown org",
        organisation_type="",
    )
    return write_csv(tmp_path / "bad.csv", [good, no_area, bad_dates, unknown])


def test_dry_run_reports_bad_rows_by_row_and_field_and_saves_nothing(bad_file):
    out, _err = run(bad_file, "--source", "example", "--dry-run")
    assert "row 3 (id bad-1), action_areas: Choose at least one action area." in out
    assert "row 4 (id bad-2), end_date: The end date cannot be before the start date." in out
    assert "row 5 (id bad-3), target_groups: Unknown value “Martians”" in out
    assert "row 5 (id bad-3), organisation_type: “Unknown org” is not on the portal yet" in out
    assert "Dry run, nothing saved: 1 would be created, 0 would be updated" in out
    assert "3 failed" in out
    assert not PracticePage.objects.exists()
    assert not ImportedPractice.objects.exists()
    assert not Organisation.objects.filter(name="Unknown org").exists()


def test_failed_rows_are_skipped_and_the_others_imported(bad_file):
    out, _err = run(bad_file, "--source", "example")
    assert "1 created, 0 updated, 0 unchanged, 3 failed" in out
    assert list(PracticePage.objects.values_list("title", flat=True)) == [
        "Language café in the town library"
    ]
    assert not Organisation.objects.filter(name="Unknown org").exists()


def test_all_or_nothing_imports_nothing_when_a_row_fails(bad_file):
    with pytest.raises(CommandError, match="Nothing imported"):
        run(bad_file, "--source", "example", "--all-or-nothing")
    assert not PracticePage.objects.exists()


def test_a_rerun_updates_changed_rows_skips_the_others_and_makes_no_copies(
    languages, make_organisation, tmp_path
):
    make_organisation("municipality", "se", name="City of Norrvik", slug="norrvik")
    rows = example_rows()
    path = write_csv(tmp_path / "practices.csv", rows)
    run(path, "--source", "example")
    first = {r.external_id: r.practice_id for r in ImportedPractice.objects.all()}
    out, _err = run(path, "--source", "example")
    assert "0 created, 0 updated, 3 unchanged, 0 failed" in out

    rows[1]["title"] = "Jobbspår för nyanlända kvinnor och män"
    rows[2]["action_areas"] = "Wohnraum; Gesundheit"
    out, _err = run(write_csv(path, rows), "--source", "example")
    assert "0 created, 2 updated, 1 unchanged, 0 failed" in out
    assert PracticePage.objects.count() == 3
    assert {r.external_id: r.practice_id for r in ImportedPractice.objects.all()} == first
    assert imported("ext-002").title == "Jobbspår för nyanlända kvinnor och män"
    assert codes(imported("ext-003"), "action_areas") == ["health", "housing"]
    # Another source with the same ids is another database: its own practices.
    run(path, "--source", "other-database")
    assert PracticePage.objects.count() == 6


def test_publishing_needs_an_editor(bad_file, make_user, editor):
    make_user("member@example.org")
    with pytest.raises(CommandError, match="needs --user"):
        run(bad_file, "--publish")
    with pytest.raises(CommandError, match="not an editor"):
        run(bad_file, "--publish", "--user", "member@example.org")
    run(bad_file, "--source", "example", "--publish", "--user", editor.email)
    published = PracticePage.objects.get()
    assert published.live
    assert published.licence_agreed_by == editor


def test_unreadable_files_get_a_clear_message(tmp_path, library):
    cases = {
        "practices.pdf": (b"%PDF", "Import a .csv, .xlsx or .json file."),
        "practices.json": (b"{not json", "not valid JSON"),
        "list.json": (b'{"rows": []}', "a “practices” list"),
        "practices.xlsx": (b"not a zip", "not an Excel workbook"),
        "latin1.csv": ("id,title\n1,Café".encode("latin-1"), "not UTF-8"),
        "noid.csv": (b"title\nCafe\n", "no “id” column"),
    }
    for name, (content, message) in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(CommandError, match=message):
            run(path)


def exported(client, export_format, folder):
    body = b"".join(client.get(f"/en/practices/?export={export_format}").streaming_content)
    path = folder / f"practices.{export_format}"
    path.write_bytes(body)
    return path


def comparable(rows):
    """Exported records without what differs between a practice and its imported copy."""
    skip = {"id", "url", "first_published", "last_published"}
    return sorted(
        json.dumps({k: v for k, v in row.items() if k not in skip}, sort_keys=True, default=str)
        for row in rows
    )


@pytest.mark.parametrize("export_format", ["csv", "json", "xlsx"])
def test_export_then_import_reproduces_the_practices(
    client, languages, make_practice, make_organisation, editor, export_format, tmp_path
):
    norrvik = make_organisation("municipality", "se", name="City of Norrvik", slug="norrvik")
    partner = make_organisation("ngo", "dk", name="Dansk Velkomst", slug="velkomst")
    make_practice(
        title="=1+1 Language café",
        summary="-Practice Swedish over coffee; every week.",
        organisation=norrvik,
        partner_organisations=[partner],
        action_areas=["education-and-training", "housing"],
        sub_themes=["language-learning"],
        countries=["se", "dk"],
        target_groups=["refugees", "women"],
        funding_instruments=["amif"],
        people_reached=120,
        budget_amount="1500.50",
        budget_currency="SEK",
        continuation="finished",
        start_date="2019-03-01",
        end_date="2020-06-30",
        results="<p>Most <b>participants</b> found work.</p>",  # as the portal's editors store it
    )
    make_practice(
        title="Wohnpatenschaften",
        language="de",
        organisation=partner,
        action_areas=["housing"],
        countries=["de"],
    )
    before = json.loads(b"".join(client.get("/en/practices/?export=json").streaming_content))
    run(
        exported(client, export_format, tmp_path),
        "--source",
        "roundtrip",
        "--publish",
        "--user",
        editor.email,
    )
    assert ImportedPractice.objects.filter(source="roundtrip").count() == 2
    after = json.loads(b"".join(client.get("/en/practices/?export=json").streaming_content))
    assert len(after["practices"]) == 4
    assert comparable(after["practices"]) == sorted(comparable(before["practices"]) * 2)


def test_the_schema_and_templates_describe_the_same_fields(client):
    response = client.get("/api/v1/schema/practice-import.json")
    assert response.status_code == 200
    schema = response.json()
    practice = schema["$defs"]["practice"]
    assert list(practice["properties"]) == COLUMNS
    assert {"id", "title", "organisation", "action_areas"} <= set(practice["required"])
    assert practice["properties"]["url"]["readOnly"] is True
    assert "municipality" not in json.dumps(practice["properties"]["implementation_level"])
    assert practice["properties"]["implementation_level"]["enum"] == [
        "local",
        "regional",
        "national",
        "transnational",
    ]
    template = client.get("/api/v1/schema/practice-import-template.csv")
    header = b"".join(template.streaming_content).decode("utf-8-sig").strip()
    assert header.split(",") == [field.name for field in IMPORTED]
    workbook = client.get("/api/v1/schema/practice-import-template.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(workbook.streaming_content))).active
    assert [cell.value for cell in sheet[1]] == [field.name for field in IMPORTED]


# -- the admin -----------------------------------------------------------------------------


def upload(client, path, **options):
    with path.open("rb") as file:
        return client.post(
            reverse("practice_import"),
            {"file": SimpleUploadedFile(path.name, file.read()), "source": "example", **options},
        )


def test_editors_upload_see_the_dry_run_report_then_run_the_import(editor_client, bad_file):
    page = editor_client.get(reverse("practice_import"))
    assert page.status_code == 200
    assert soup(page).select_one('a[href="/api/v1/schema/practice-import.json"]')
    response = upload(editor_client, bad_file)
    dry_run_url = response["Location"]
    report = editor_client.get(dry_run_url)
    shown = text(report)
    assert "Dry run: nothing has been saved." in shown
    assert "1 new, 0 updated, 0 unchanged, 3 failed." in shown
    cells = [
        [td.get_text(" ", strip=True) for td in tr.select("td")]
        for tr in soup(report).select("tbody tr")
    ]
    assert ["3", "bad-1", "action_areas", "Choose at least one action area."] in cells
    assert ["4", "bad-2", "end_date", "The end date cannot be before the start date."] in cells
    assert not PracticePage.objects.exists()

    response = editor_client.post(dry_run_url)
    result = editor_client.get(response["Location"])
    assert "1 new, 0 updated, 0 unchanged, 3 failed." in text(result)
    assert PracticePage.objects.get().title == "Language café in the town library"
    assert not PracticePage.objects.get().live


def test_the_admin_shows_progress_while_the_import_runs(editor_client, editor, library):
    run_ = ImportRun.objects.create(
        user=editor,
        file_name="big.csv",
        content=b"",
        source="x",
        total=200,
        done=50,
        status=ImportRun.Status.RUNNING,
    )
    page = soup(editor_client.get(reverse("practice_import_run", args=[run_.pk])))
    progress = page.select_one("progress")
    assert (progress["value"], progress["max"]) == ("50", "200")
    assert "50 of 200 rows" in page.get_text()
    assert page.select_one('meta[http-equiv="refresh"]')


def test_non_editors_may_not_import(client, make_user, bad_file):
    client.force_login(make_user("member@example.org"))
    assert client.get(reverse("practice_import")).status_code in (302, 403)
    upload(client, bad_file)
    assert not PracticePage.objects.exists()
    assert not ImportRun.objects.exists()


def test_the_importer_reports_progress(bad_file):
    rows, _ignored = read_rows(bad_file.name, bad_file.read_bytes())
    seen = []
    Importer("example", dry_run=True, progress=lambda done, total: seen.append((done, total))).run(
        rows
    )
    assert seen[-1] == (4, 4)
