import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from agenda.models import EventIndexPage
from portal.models import (
    ActionArea,
    FundingInstrument,
    HomePage,
    OrganisationType,
    SubTheme,
    TargetGroup,
)
from practices.models import PracticeIndexPage

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"
TERM_MODELS = [ActionArea, SubTheme, OrganisationType, TargetGroup, FundingInstrument]


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


class Command(BaseCommand):
    help = (
        "Give every language its home page, practice library, events listing and taxonomy, "
        "translated through wagtail-localize from portal/translations/<language>.json "
        "(English where a text has no translation yet). Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--languages", help="Comma-separated codes (default: all but English).")
        parser.add_argument(
            "--update", action="store_true", help="Also refresh translations that already exist."
        )

    def handle(self, *args, **options):
        home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        if home is None:
            self.stderr.write("No home page: run `manage.py migrate` first.")
            return
        sources = [
            *[term for model in TERM_MODELS for term in model.objects.default_locale()],
            home,
            PracticeIndexPage.objects.child_of(home).first(),
            EventIndexPage.objects.child_of(home).first(),
        ]
        languages = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
        if options["languages"]:
            languages = [code for code in options["languages"].split(",") if code in languages]
        created = 0
        for code in languages:
            created += self.translate(
                code, [s for s in sources if s is not None], update=options["update"]
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(languages)} languages ready; {created} translated pages and terms created."
            )
        )

    @transaction.atomic
    def translate(self, code, instances, update=False):
        locale = Locale.objects.get(language_code=code)
        texts = english_to_translated(code)
        return sum(translate(instance, locale, texts, update=update) for instance in instances)


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
