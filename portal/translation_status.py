"""What wagtail-localize knows about a page's translations, for readers and editors."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

UP_TO_DATE = "up_to_date"
OUTDATED = "outdated"
MISSING = "missing"
LABELS = {UP_TO_DATE: _("Up to date"), OUTDATED: _("Outdated"), MISSING: _("Missing")}


def translations_of(page):
    """wagtail-localize translations that target this page's locale from another language."""
    from wagtail_localize.models import Translation

    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id
    )


def source_of(page):
    """The wagtail-localize source a page was translated from, or None for an original."""
    translation = (
        translations_of(page).select_related("source__locale").order_by("created_at").first()
    )
    return translation.source if translation else None


def originals(pages):
    """Only the pages that were written in their own language, not translated into it."""
    from django.db.models import Exists, OuterRef

    from wagtail_localize.models import Translation

    translated = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"), target_locale_id=OuterRef("locale_id")
    )
    return pages.filter(~Exists(translated))


def reader_info(page):
    """For a translated page: its source language and whether a machine translated it."""
    from wagtail_localize.models import StringTranslation

    source = source_of(page)
    if source is None:
        return None
    machine = StringTranslation.objects.filter(
        locale_id=page.locale_id,
        context__object_id=page.translation_key,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    ).exists()
    return {"source_language": source.locale.language_code, "machine": machine}


def status_by_language(page):
    """{language code: up_to_date | outdated | missing} for every other language."""
    from wagtail_localize.models import Translation, TranslationSource

    source = TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=page.locale_id
    ).first()
    versions = {
        p.locale.language_code: p
        for p in Page.objects.filter(translation_key=page.translation_key).select_related("locale")
    }
    translations = {}
    if source is not None:
        translations = {
            t.target_locale.language_code: t
            for t in Translation.objects.filter(source=source, enabled=True).select_related(
                "target_locale"
            )
        }
    changed = page.last_published_at or page.latest_revision_created_at
    result = {}
    for code, _name in settings.LANGUAGES:
        if code == page.locale.language_code:
            continue
        translated = versions.get(code)
        if translated is None:
            result[code] = MISSING
            continue
        translation = translations.get(code)
        synced = source.last_updated_at if source else None
        if translation is None:
            stale = True
        else:
            total, done = translation.get_progress()
            stale = done < total or bool(changed and synced and changed > synced)
        result[code] = OUTDATED if stale else UP_TO_DATE
    return result
