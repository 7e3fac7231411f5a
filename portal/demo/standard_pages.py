"""The portal's plain demo pages (standard_pages.json): about, accessibility statement, privacy
notice. Bodies are StreamField data as (block type, value) pairs. They come translated into
every other language by people (translations/<language>.json, {source text: translation}
for the three pages), through wagtail-localize as editors do it."""

import json
from pathlib import Path

from wagtail.models import Locale

from portal.locales import provision_language, translate
from portal.models import StandardPage

DATA = Path(__file__).resolve().parent
STANDARD_PAGES = DATA / "standard_pages.json"
TRANSLATIONS = DATA / "translations"


def load_standard_pages():
    return json.loads(STANDARD_PAGES.read_text("utf-8"))


def generate(context):
    """Publish the pages missing under the home page, then their missing translations."""
    home = context.home
    created, pages = 0, []
    for data in load_standard_pages():
        page = StandardPage.objects.child_of(home).filter(slug=data["slug"]).first()
        if page is None:
            page = StandardPage(
                title=data["title"],
                slug=data["slug"],
                show_in_menus=data["show_in_menus"],
                introduction=data["introduction"],
                body=data["body"],
            )
            home.add_child(instance=page)
            page.save_revision().publish()
            created += 1
        pages.append(page)
    translated = add_translations(home, pages)
    return f"{created} new pages ({translated} new translations)"


def add_translations(home, pages):
    """The pages in every language that has a translation file; the home page in that
    language first, as `sync_locales` makes it (the translated pages go under it)."""
    created = 0
    for path in sorted(TRANSLATIONS.glob("*.json")):
        locale = Locale.objects.filter(language_code=path.stem).first()
        if locale is None:
            continue
        provision_language(locale.language_code, [home])  # nothing if it is there
        texts = json.loads(path.read_text("utf-8"))
        created += sum(translate(page, locale, texts) for page in pages)
    return created
