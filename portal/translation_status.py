"""What wagtail-localize knows about a page's translation, for its readers. (The editors'
overview of every language is `submissions.translation_status`.)"""

from django.db.models import Exists, OuterRef

from wagtail_localize.models import StringTranslation, Translation


def translations_of(page):
    """wagtail-localize translations that target this page's locale from another language."""
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id
    )


def reader_info(page):
    """For a translated page: its source language and whether a machine translated it (one
    query)."""
    return translation_origins([page]).get(page.pk)


def translation_origins(pages):
    """{page pk: {"source_language", "machine"}} of the pages that wagtail-localize translated
    from another language (one query for any number of pages; originals are left out)."""
    pages = [page for page in pages if page.pk]
    if not pages:
        return {}
    machine = StringTranslation.objects.filter(
        locale_id=OuterRef("target_locale_id"),
        context__object_id=OuterRef("source__object_id"),
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    )
    rows = (
        Translation.objects.filter(
            source__object_id__in={page.translation_key for page in pages},
            target_locale_id__in={page.locale_id for page in pages},
        )
        .annotate(machine=Exists(machine))
        .order_by("-created_at")
        .values_list(
            "source__object_id", "target_locale_id", "source__locale__language_code", "machine"
        )
    )
    # The earliest translation of each (group, language) wins: the last one written here.
    first = {(key, locale): (source, bool(is_machine)) for key, locale, source, is_machine in rows}
    found = {}
    for page in pages:
        origin = first.get((page.translation_key, page.locale_id))
        if origin is not None:
            found[page.pk] = {"source_language": origin[0], "machine": origin[1]}
    return found
