"""Locale provisioning: every language gets the home page, the structural pages the apps
contribute and the taxonomy, translated through wagtail-localize from
portal/translations/<language>.json (English where a text has no translation yet).

Apps name their structural pages with the `register_localized_pages` hook: a function that
takes the default-language home page and returns the pages every language needs, e.g.

    @hooks.register("register_localized_pages")
    def library(home):
        return [PracticeIndexPage.objects.child_of(home).first()]

Used by `manage.py sync_locales` and, on first use of a language, by the pages that need their
translated version (the practice library)."""

import json
from pathlib import Path

from django.conf import settings
from django.db import transaction

from wagtail import hooks
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from portal.models import (
    ActionArea,
    FundingInstrument,
    HomePage,
    OrganisationType,
    SubTheme,
    TargetGroup,
)

LOCALIZED_PAGES = "register_localized_pages"
TRANSLATIONS = Path(__file__).resolve().parent / "translations"
TERM_MODELS = [ActionArea, SubTheme, OrganisationType, TargetGroup, FundingInstrument]


def default_home():
    """The home page in the default language, or None before `migrate`."""
    return HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()


def target_languages(codes=None):
    """The languages to provision: `codes` (an iterable) among the site's languages, or all of
    them, never the default language (the source of every translation)."""
    languages = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    if codes is None:
        return languages
    wanted = set(codes)
    return [code for code in languages if code in wanted]


def sources(home):
    """What every language gets: the taxonomy, the home page and the apps' structural pages."""
    pages = [home]
    for contributed in hooks.get_hooks(LOCALIZED_PAGES):
        pages += contributed(home)
    terms = [term for model in TERM_MODELS for term in model.objects.default_locale()]
    return [instance for instance in [*terms, *pages] if instance is not None]


def provision(languages=None, update=False):
    """Translate the sources into `languages` (default: all but the default language); with
    `update`, refresh translations that already exist. Returns how many were created."""
    home = default_home()
    if home is None:
        return 0
    instances = sources(home)
    return sum(
        provision_language(code, instances, update=update) for code in target_languages(languages)
    )


@transaction.atomic
def provision_language(code, instances, update=False):
    locale = Locale.objects.get(language_code=code)
    texts = english_to_translated(code)
    return sum(translate(instance, locale, texts, update=update) for instance in instances)


def english_to_translated(language):
    """{English text: translation} from portal/translations/<language>.json."""
    source = json.loads((TRANSLATIONS / f"{settings.LANGUAGE_CODE}.json").read_text("utf-8"))
    path = TRANSLATIONS / f"{language}.json"
    if not path.exists():
        return {}
    target = json.loads(path.read_text("utf-8"))
    mapping = {}
    for group in ("terms", "pages"):
        for key, english in source[group].items():
            translated = target.get(group, {}).get(key)
            if translated:
                mapping[english] = translated
                # wagtail-localize extracts rich text paragraph by paragraph, without <p>.
                if english.startswith("<p>") and translated.startswith("<p>"):
                    mapping[english.removeprefix("<p>").removesuffix("</p>")] = (
                        translated.removeprefix("<p>").removesuffix("</p>")
                    )
    return mapping


def translate(instance, locale, texts, update=False):
    """Translate a page or snippet into `locale` through wagtail-localize, as a person would in
    its editor: every segment found in `texts` ({source text: translation}) is a manual
    translation, the others keep the source text. Returns whether the translation is new."""
    exists = instance.has_translation(locale)
    if exists and not update:
        return False
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    for segment in source.stringsegment_set.select_related("string", "context"):
        translated = texts.get(segment.string.data)
        if translated:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": translated,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    if isinstance(instance, Page):
        # Publish now, not on commit: a deferred publish of a parent would save its
        # stale child count over the children added since (wagtail-localize + treebeard).
        source.create_or_update_translation(
            locale, publish=False, fallback=True, copy_parent_pages=True
        )
        instance.get_translation(locale).get_latest_revision().publish()
    else:
        translation.save_target(publish=True)
    return not exists
