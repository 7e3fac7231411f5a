"""What wagtail-localize knows about a page's translation, for its readers. (The editors'
overview of every language is `submissions.translation_status`.)"""

from wagtail_localize.models import StringTranslation, Translation


def translations_of(page):
    """wagtail-localize translations that target this page's locale from another language."""
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id
    )


def source_of(page):
    """The wagtail-localize source a page was translated from, or None for an original."""
    translation = (
        translations_of(page).select_related("source__locale").order_by("created_at").first()
    )
    return translation.source if translation else None


def reader_info(page):
    """For a translated page: its source language and whether a machine translated it."""
    source = source_of(page)
    if source is None:
        return None
    machine = StringTranslation.objects.filter(
        locale_id=page.locale_id,
        context__object_id=page.translation_key,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    ).exists()
    return {"source_language": source.locale.language_code, "machine": machine}
