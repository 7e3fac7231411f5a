"""`manage.py seed_demo` loads rich demo content; running it twice changes nothing."""

import json
from io import StringIO

from django.core.management import call_command

from wagtail.documents import get_document_model
from wagtail_localize.models import TranslationSource

import pytest

from agenda.demo import load_events
from agenda.models import EventPage
from portal.demo.organisations import load_organisations
from portal.demo.standard_pages import TRANSLATIONS as STANDARD_PAGE_TRANSLATIONS
from portal.demo.standard_pages import load_standard_pages
from portal.i18n import reader_url
from portal.models import CustomImage, Organisation, OrganisationType, StandardPage
from practices.demo import TRANSLATIONS, load_practices
from practices.demo.adoptions import DATA as ADOPTIONS
from practices.demo.validations import load_validations
from practices.models import AdoptionRequest, PracticeAdoption, PracticePage, PracticeValidation
from tests.utils import card_titles, soup

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        PracticePage.objects.count(),
        Organisation.objects.count(),
        StandardPage.objects.count(),
        CustomImage.objects.count(),
        get_document_model().objects.count(),
    )


def test_seed_demo_is_rich_whole_and_idempotent(client, home, subtests):
    """Seeding takes most of a minute: one seeding, its properties as subtests, then a rerun."""
    out = StringIO()
    call_command("seed_demo", stdout=out)
    with subtests.test("each app's generator loads its own data file, and nothing else"):
        demo_is_what_its_data_files_hold(out.getvalue())
    with subtests.test("rich content that passes the editors' validation"):
        demo_is_rich(client)
    with subtests.test("demo translations cover every segment"):
        demo_translations_cover_every_segment()
    first = snapshot()
    call_command("seed_demo", stdout=StringIO())
    assert snapshot() == first


def demo_is_rich(client):
    practices = PracticePage.objects.live()
    assert practices.count() >= 40
    for practice in practices:
        practice.full_clean()  # demo content passes the editors' validation
    assert all(p.revisions.exists() for p in practices)
    countries = {code for p in practices for code in p.countries.values_list("code", flat=True)}
    assert len(countries) >= 12
    languages = set(practices.values_list("locale__language_code", flat=True))
    assert {"sv", "de", "fr", "it", "es", "pl", "en"} <= languages
    used_types = set(
        practices.values_list("organisation__organisation_type__code", flat=True)
    ) | set(Organisation.objects.values_list("organisation_type__code", flat=True))
    assert used_types == set(OrganisationType.objects.values_list("code", flat=True))
    for area in ["education-and-training", "employment-and-skills", "health", "housing"]:
        assert practices.filter(action_areas__code=area).count() >= 4, area
    assert get_document_model().objects.filter(file__endswith=".pdf").count() >= 3
    assert practices.exclude(image=None).count() == practices.count()
    assert any(p.may_be_out_of_date for p in practices)

    # Some practices come translated by people, through wagtail-localize.
    swedish = practices.get(slug="yrkessvenska-i-aldreomsorgen-vasterby")
    versions = {p.locale.language_code: p for p in swedish.get_translations(inclusive=True).live()}
    assert set(versions) == {"sv", "en", "de"}
    assert versions["en"].title.startswith("Vocational Swedish")
    facts = soup(client.get(versions["en"].url)).select_one(".practice__facts").get_text(" ")
    assert "Swedish" in facts and "Translated by a person" in facts
    arabic = client.get(reader_url(practices.get(slug="housing-first-for-refugees-norreby"), "ar"))
    assert soup(arabic).select_one(".practice__head")["dir"] == "rtl"

    response = client.get("/en/practices/?sort=title")
    assert len(card_titles(response)) == 12
    assert client.get("/en/about/").status_code == 200
    pdf = get_document_model().objects.first()
    with pdf.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"


def demo_is_what_its_data_files_hold(output):
    practices, events = load_practices(), load_events()
    organisations, pages = load_organisations(), load_standard_pages()
    translations = sorted(TRANSLATIONS.glob("*.json"))
    assert PracticePage.objects.count() == len(practices) + len(translations)
    written = PracticePage.objects.values_list("slug", "title", "locale__language_code")
    assert {(data["slug"], data["title"], data["language"]) for data in practices} <= set(written)
    assert {(e.slug, e.title) for e in EventPage.objects.all()} == {
        (data["slug"], data["title"]) for data in events
    }
    assert set(Organisation.objects.values_list("slug", "name")) == {
        (data["slug"], data["name"]) for data in organisations
    }
    english = StandardPage.objects.filter(locale__language_code="en")
    assert set(english.values_list("slug", "title")) == {
        (data["slug"], data["title"]) for data in pages
    }
    validations = load_validations()
    validated = set(PracticeValidation.objects.values_list("practice__slug", flat=True))
    assert {data["practice"] for data in validations} <= validated
    assert {(a.original.slug, a.adopter.slug) for a in PracticeAdoption.objects.all()} == {
        (data["original"], data["adopter"]) for data in ADOPTIONS["links"]
    }
    assert AdoptionRequest.objects.count() == len(ADOPTIONS["requests"])
    page_languages = sorted(STANDARD_PAGE_TRANSLATIONS.glob("*.json"))
    assert StandardPage.objects.count() == len(pages) * (1 + len(page_languages))
    assert output.strip() == (
        f"Demo content ready: {len(organisations)} organisations, {len(practices)} practices "
        f"({len(practices)} new, {len(translations)} new translations), "
        f"{len(validations)} expert validations ({len(validations)} new), "
        f"{len(ADOPTIONS['links'])} new adoption links, "
        f"{len(ADOPTIONS['requests'])} new requests between organisations, "
        f"{len(events)} events ({len(events)} new), "
        f"{len(pages)} new pages ({len(pages) * len(page_languages)} new translations)."
    )


def demo_translations_cover_every_segment():
    """A demo translation missing a segment would show source text in the translated page."""
    paths = sorted(TRANSLATIONS.glob("*.json"))
    assert len(paths) >= 8
    missing = {}
    for path in paths:
        slug, _code = path.stem.rsplit(".", 1)
        original = PracticePage.objects.filter(slug=slug).order_by("pk").first()
        source, _created = TranslationSource.get_or_create_from_instance(original)
        texts = json.loads(path.read_text("utf-8"))
        segments = source.stringsegment_set.select_related("string")
        missing[path.name] = [s.string.data for s in segments if s.string.data not in texts]
    assert missing == {path.name: [] for path in paths}
