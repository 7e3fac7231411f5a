"""About, the accessibility statement and the privacy notice come in all 26 languages, as
content translated through wagtail-localize; the menu and the footer link to each reader's
version under its translated title."""

import json
from io import StringIO

from django.conf import settings

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, TranslationSource

import pytest

from portal.demo import DemoContext
from portal.demo.standard_pages import TRANSLATIONS, generate, load_standard_pages
from portal.models import StandardPage
from tests.utils import soup

pytestmark = pytest.mark.django_db
SLUGS = [data["slug"] for data in load_standard_pages()]
TITLES = {data["slug"]: data["title"] for data in load_standard_pages()}
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def translations(language):
    return json.loads((TRANSLATIONS / f"{language}.json").read_text("utf-8"))


def test_the_plain_pages_in_every_language(client, home, subtests):
    """Translating three pages into 25 languages takes a while: one seeding, its properties
    as subtests."""
    summary = generate(DemoContext(home=home, stdout=StringIO()))
    assert summary == "3 new pages (75 new translations)"
    pages = {page.slug: page for page in StandardPage.objects.filter(locale__language_code="en")}
    with subtests.test("every language but English has a translation of every text"):
        every_text_is_translated(pages)
    for language in LANGUAGES:
        with subtests.test(
            "the pages read in the language; menu and footer link to them", language=language
        ):
            pages_read_in(client, language)
    with subtests.test("the translations are content editors can edit"):
        translations_are_content(pages)
    again = generate(DemoContext(home=home, stdout=StringIO()))
    assert again == "0 new pages (0 new translations)"


def every_text_is_translated(pages):
    """A missing text would show English inside a translated page."""
    assert {path.stem for path in TRANSLATIONS.glob("*.json")} == set(LANGUAGES)
    segments = set()
    for page in pages.values():
        source, _created = TranslationSource.get_or_create_from_instance(page)
        segments |= {s.string.data for s in source.stringsegment_set.select_related("string")}
    texts = segments - set(SLUGS)  # the addresses stay /sv/about/, /ar/privacy/…
    for language in LANGUAGES:
        assert set(translations(language)) == texts, language


def pages_read_in(client, language):
    texts = translations(language)
    page = soup(client.get(f"/{language}/about/"))
    assert page.html["lang"] == language
    assert page.h1.get_text(strip=True) == texts["About Integra"]
    words = page.select_one("main").get_text(" ", strip=True)
    assert texts["Why the portal exists"] in words
    assert "Why the portal exists" not in words and "How practices are published" not in words
    plan = next(text for text in texts if "EU Action Plan" in text)
    link = page.select_one("main a[href^='https://eur-lex.europa.eu/']")  # the link is kept
    assert link.get_text(strip=True) in texts[plan]
    menu = {a.get_text(strip=True): a["href"] for a in page.select("header nav a")}
    assert menu[texts["About Integra"]] == f"/{language}/about/"
    footer = {a["href"]: a.get_text(strip=True) for a in page.select("footer a")}
    for slug, english in TITLES.items():
        assert footer[f"/{language}/{slug}/"] == texts[english]
        shown = soup(client.get(f"/{language}/{slug}/"))
        assert shown.h1.get_text(strip=True) == texts[english], (language, slug)


def translations_are_content(pages):
    """Made as an editor makes them: manual translations of the source's segments, published
    pages in the language's tree."""
    swedish = pages["privacy"].get_translation(Locale.objects.get(language_code="sv"))
    assert swedish.live and swedish.title == "Integritetsmeddelande"
    assert swedish.get_parent().locale.language_code == "sv"
    manual = StringTranslation.objects.filter(
        locale__language_code="sv", translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL
    )
    assert manual.filter(data="Integritetsmeddelande").exists()
