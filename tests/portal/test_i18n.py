"""The portal in 26 languages: every page type answers in every language with the right
lang/dir, readers get translations where they exist, the switcher and hreflang lead to them,
and untranslated pages say so. Catalogues are complete and compile cleanly."""

import gettext
import re
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

import pytest

from portal.i18n import reader_url
from tests.utils import card_titles, soup, text

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]
LOCALE_DIR = Path(settings.BASE_DIR) / "locale"


@pytest.fixture
def practice(make_practice):
    return make_practice(
        title="Language café",
        summary="Conversation groups.",
        budget_amount=450000,
        budget_currency="SEK",
    )


@pytest.fixture
def polish(practice, django_capture_on_commit_callbacks):
    """A Polish translation of the practice, made the way editors make it (wagtail-localize)."""
    from wagtail.models import Locale
    from wagtail_localize.models import Translation, TranslationSource

    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        call_command("sync_locales", "--languages", "pl,ar")
        source, _ = TranslationSource.get_or_create_from_instance(practice)
        translation = Translation.objects.create(
            source=source, target_locale=Locale.objects.get(language_code="pl")
        )
        translation.save_target(publish=True)
    translated = practice.get_translation(Locale.objects.get(language_code="pl"))
    translated.title = "Kawiarnia językowa"
    translated.save_revision().publish()
    return translated


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_language_serves_home_library_and_a_practice(client, practice, code):
    for url in [f"/{code}/", f"/{code}/practices/", f"/{code}/events/", reader_url(practice, code)]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = soup(response).find("html")
        assert html["lang"] == code, url
        assert html["dir"] == ("rtl" if code == "ar" else "ltr"), url
        assert len(soup(response).find_all("h1")) == 1, url


def test_readers_get_the_translation_in_their_language(client, practice, polish):
    assert card_titles(client.get("/pl/practices/")) == ["Kawiarnia językowa"]
    assert card_titles(client.get("/en/practices/")) == ["Language café"]
    assert card_titles(client.get("/de/practices/")) == ["Language café"]  # no German version
    assert polish.url == "/pl/practices/" + polish.slug + "/"


def test_an_address_under_the_readers_prefix_leads_to_the_readers_version(client, practice, polish):
    polish.slug = "kawiarnia-jezykowa"
    polish.save_revision().publish()
    assert "Kawiarnia językowa" in text(client.get(f"/pl/practices/{practice.slug}/"))
    assert "Language café" in text(client.get(f"/de/practices/{practice.slug}/"))


def test_switcher_maps_translations_and_falls_back(client, practice, polish):
    links = {
        a["hreflang"]: a["href"] for a in soup(client.get(practice.url)).select(".lang-switch a")
    }
    assert set(links) == set(LANGUAGES)
    assert links["pl"] == polish.url
    assert links["sv"] == "/sv/practices/" + practice.slug + "/"
    fallback = client.get(links["sv"])
    assert fallback.status_code == 200
    assert soup(fallback).find("html")["lang"] == "sv"
    notice = soup(fallback).select_one('p.notice[role="note"]')
    assert notice is not None and "Language café" in text(fallback)
    assert soup(fallback).select_one('link[rel="canonical"]')["href"].endswith(practice.url)
    missing = soup(client.get(practice.url)).select(".lang-switch__missing")
    assert len(missing) == len(LANGUAGES) - 2  # en and pl exist


def test_hreflang_alternates_are_complete(client, practice, polish):
    links = {
        link["hreflang"]: link["href"]
        for link in soup(client.get(polish.url)).select('link[rel="alternate"][hreflang]')
    }
    assert links == {
        "en": "http://testserver" + practice.url,
        "pl": "http://testserver" + polish.url,
        "x-default": "http://testserver" + practice.url,
    }


def test_translation_origin_is_shown(client, practice, polish):
    page = text(client.get(polish.url))
    assert "Kawiarnia językowa" in page
    facts = soup(client.get(polish.url)).select_one(".practice__facts").get_text(" ")
    assert "angielski" in facts.lower()  # source language, in Polish


def test_numbers_dates_and_money_follow_the_language(client, practice):
    english = text(client.get(practice.url))
    swedish = text(client.get(reader_url(practice, "sv")))
    german = text(client.get(reader_url(practice, "de")))
    assert "SEK450,000" in english
    assert "450 000 kr" in swedish.replace("\xa0", " ")
    assert "450.000 SEK" in german.replace("\xa0", " ")


def test_taxonomy_labels_are_translated_but_codes_stay(client, practice, polish):
    response = client.get("/pl/practices/")
    labels = {
        box["value"]: box.find_parent("li").get_text(" ", strip=True)
        for box in soup(response).select('input[name="area"]')
    }
    assert "education-and-training" in labels
    assert not labels["education-and-training"].startswith("Education and training")
    assert card_titles(client.get("/pl/practices/?area=education-and-training")) == [
        "Kawiarnia językowa"
    ]


def po_entries(path):
    """(msgid, [msgstr…], fuzzy) of each entry of a .po file, header excluded."""
    entries, current = [], None
    for raw in path.read_text("utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            if current and current["msgid"]:
                entries.append(current)
            current = None
            continue
        current = current or {"msgid": "", "msgstr": {}, "fuzzy": False, "key": None}
        if line.startswith("#,") and "fuzzy" in line:
            current["fuzzy"] = True
        elif line.startswith("#"):
            continue
        else:
            match = re.match(r'(msgid_plural|msgid|msgctxt|msgstr(?:\[\d+\])?)\s+"(.*)"$', line)
            if match:
                current["key"], value = match.groups()
            else:
                value = re.match(r'"(.*)"$', line).group(1)
            key = current["key"]
            if key == "msgid":
                current["msgid"] += value
            elif key.startswith("msgstr"):
                current["msgstr"][key] = current["msgstr"].get(key, "") + value
    return entries


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_is_complete(code):
    path = LOCALE_DIR / code / "LC_MESSAGES" / "django.po"
    entries = po_entries(path)
    assert len(entries) > 500
    untranslated = [e["msgid"] for e in entries if not all(e["msgstr"].values()) or not e["msgstr"]]
    fuzzy = [e["msgid"] for e in entries if e["fuzzy"]]
    assert untranslated == [] and fuzzy == [], (untranslated[:5], fuzzy[:5])


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="gettext's msgfmt is not installed")
@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_compiles_cleanly_and_is_compiled(code, tmp_path):
    po = LOCALE_DIR / code / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        [shutil.which("msgfmt"), "--check", "-o", str(tmp_path / "django.mo"), str(po)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    committed = po.with_suffix(".mo")
    assert committed.exists(), "run manage.py compilemessages"
    with committed.open("rb") as shipped, (tmp_path / "django.mo").open("rb") as fresh:
        assert gettext.GNUTranslations(shipped)._catalog == gettext.GNUTranslations(fresh)._catalog
