"""What wagtail-localize knows about a page's translation, for its readers. (The editors'
overview of every language is `submissions.translation_status`.)"""

from django.db.models import Exists

from wagtail_localize.models import StringTranslation, Translation


def translations_of(page):
    """wagtail-localize translations that target this page's locale from another language."""
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id
    )


def reader_info(page):
    """For a translated page: its source language and whether a machine translated it (one
    query)."""
    machine = StringTranslation.objects.filter(
        locale_id=page.locale_id,
        context__object_id=page.translation_key,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    )
    translation = (
        translations_of(page)
        .select_related("source__locale")
        .annotate(machine=Exists(machine))
        .order_by("created_at")
        .first()
    )
    if translation is None:
        return None
    return {
        "source_language": translation.source.locale.language_code,
        "machine": translation.machine,
    }
