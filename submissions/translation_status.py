"""For editors: which languages of an original page are up to date, outdated or missing."""

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

UP_TO_DATE = "up_to_date"
OUTDATED = "outdated"
MISSING = "missing"
LABELS = {UP_TO_DATE: _("Up to date"), OUTDATED: _("Outdated"), MISSING: _("Missing")}


def originals(pages):
    """Only the pages that were written in their own language, not translated into it."""
    translated = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"), target_locale_id=OuterRef("locale_id")
    )
    return pages.filter(~Exists(translated))


def status_by_language(page):
    """{language code: up_to_date | outdated | missing} for every other language."""
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
