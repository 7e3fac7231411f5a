"""The practices' demo content: the good practices of practices.json, with generated images and
PDF reports, and a few of them translated by people (translations/<slug>.<language>.json,
{source text: translation}) through wagtail-localize, as editors do it.

All organisations are fictional; links use reserved example domains only. Registered by
practices/wagtail_hooks.py, run by `manage.py seed_demo` after the organisations."""

import datetime
import json
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from portal.demo import artwork
from portal.factories import term
from portal.locales import translate
from portal.models import (
    ActionArea,
    Country,
    CustomImage,
    FundingInstrument,
    Revision,
    SubTheme,
    TargetGroup,
)
from practices.models import (
    BODY_SECTIONS,
    PracticeAttachment,
    PracticeIndexPage,
    PracticeLink,
    PracticePage,
)

DATA = Path(__file__).resolve().parent
PRACTICES = DATA / "practices.json"
TRANSLATIONS = DATA / "translations"


def load_practices():
    return json.loads(PRACTICES.read_text("utf-8"))


def generate(context):
    """Add the practices missing from their library, then the translations missing."""
    library = PracticeIndexPage.objects.child_of(context.home).first()
    if not library.show_in_menus:
        library.show_in_menus = True
        library.save_revision().publish()
    practices = load_practices()
    created = sum(
        add_practice(
            PracticeIndexPage.for_language(data["language"]), data, index, context.organisations
        )
        for index, data in enumerate(practices)
    )
    translated = add_translations()
    Revision.bump(Revision.PRACTICES)  # publication dates were set with a bulk update
    return f"{len(practices)} practices ({created} new, {translated} new translations)"


def add_translations():
    """A few practices translated by people, through wagtail-localize as editors do it."""
    created = 0
    for path in sorted(TRANSLATIONS.glob("*.json")):
        slug, code = path.stem.rsplit(".", 1)
        original = PracticePage.objects.filter(slug=slug).order_by("pk").first()
        locale = Locale.objects.filter(language_code=code).first()
        if original is None or locale is None:
            continue
        PracticeIndexPage.for_language(code)  # the library the translation goes into
        if translate(original, locale, json.loads(path.read_text("utf-8"))):
            PracticePage.objects.filter(pk=original.get_translation(locale).pk).update(
                first_published_at=original.first_published_at,
                last_published_at=original.last_published_at,
            )
            created += 1
    return created


def add_practice(library, data, index, organisations):
    """Publish one practice under `library`; False if it is there already."""
    if Page.objects.child_of(library).filter(slug=data["slug"]).exists():
        return False
    image = CustomImage.objects.create(
        title=data["title"],
        description="Illustration: people standing side by side",
        credit="Integra demo illustration",
        file=ContentFile(artwork.illustration(index, data["areas"][0]), name=f"{data['slug']}.png"),
    )
    page = PracticePage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        organisation=organisations[data["organisation"]],
        partner_organisations=[organisations[slug] for slug in data.get("partners", [])],
        countries=list(Country.objects.filter(code__in=data["countries"])),
        region_city=data.get("region_city", ""),
        implementation_level=data["level"],
        action_areas=[term(ActionArea, code) for code in data["areas"]],
        sub_themes=[term(SubTheme, code) for code in data.get("themes", [])],
        target_groups=[term(TargetGroup, code) for code in data.get("targets", [])],
        funding_instruments=[term(FundingInstrument, code) for code in data.get("funding", [])],
        people_reached=data.get("people_reached"),
        start_date=datetime.date.fromisoformat(data["start"]),
        end_date=datetime.date.fromisoformat(data["end"]) if data.get("end") else None,
        continuation=data["continuation"],
        budget_amount=data.get("budget"),
        budget_currency=data.get("currency") or "EUR",
        evidence_level=data["evidence"],
        migrant_participation=data["participation"],
        last_confirmed=datetime.date.fromisoformat(data["last_confirmed"]),
        image=image,
        **{name: data.get(name, "") for name, _heading in BODY_SECTIONS},
    )
    page.links = [PracticeLink(url=url, title=title) for url, title in data.get("links", [])]
    attachment = data.get("attachment")
    if attachment:
        document = get_document_model().objects.create(
            title=attachment["title"],
            file=ContentFile(
                artwork.report_pdf(attachment["title"], page.organisation.name, attachment["text"]),
                name=f"{data['slug']}.pdf",
            ),
        )
        page.attachments = [PracticeAttachment(document=document)]
    library.add_child(instance=page)
    page.save_revision().publish()
    published = timezone.make_aware(
        datetime.datetime.combine(page.last_confirmed, datetime.time(10, 0))
    ) - datetime.timedelta(minutes=index)
    PracticePage.objects.filter(pk=page.pk).update(
        first_published_at=published, last_published_at=published
    )
    return True
