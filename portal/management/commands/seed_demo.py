import datetime
import importlib
import json
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from agenda.models import EventIndexPage, EventPage
from portal.demo import artwork
from portal.demo.events_data import EVENTS
from portal.demo.pages import STANDARD_PAGES
from portal.factories import default_locale, term
from portal.management.commands.sync_locales import translate
from portal.models import (
    ActionArea,
    Country,
    CustomImage,
    FundingInstrument,
    HomePage,
    Language,
    Organisation,
    OrganisationType,
    StandardPage,
    SubTheme,
    TargetGroup,
)
from practices.models import (
    BODY_SECTIONS,
    LibraryRevision,
    PracticeAttachment,
    PracticeIndexPage,
    PracticeLink,
    PracticePage,
)

DATA_MODULES = ["portal.demo.data_a", "portal.demo.data_b"]
# <slug of the original>.<language>.json: {source text: translation}, one per translated practice.
TRANSLATIONS = Path(__file__).resolve().parents[2] / "demo" / "practice_translations"


def _time(value):
    return datetime.time.fromisoformat(value) if value else None


def load_data():
    organisations, practices = [], []
    for name in DATA_MODULES:
        module = importlib.import_module(name)
        organisations += module.ORGANISATIONS
        practices += module.PRACTICES
    return organisations, practices


class Command(BaseCommand):
    help = (
        "Load the demo content: organisations, good practices with images and PDF attachments, "
        "and the about/accessibility/privacy pages. Deterministic; running it again adds "
        "nothing twice."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        home = HomePage.objects.order_by("path").first()
        if home is None:
            self.stderr.write("No home page: run `manage.py migrate` first.")
            return
        library = PracticeIndexPage.objects.child_of(home).first()
        if not library.show_in_menus:
            library.show_in_menus = True
            library.save_revision().publish()

        pages = self.standard_pages(home)
        organisations, practices = load_data()
        orgs = self.organisations(organisations)
        created = sum(
            self.practice(PracticeIndexPage.for_language(data["language"]), data, index, orgs)
            for index, data in enumerate(practices)
        )
        translated = self.translations()
        LibraryRevision.bump()  # publication dates were set with a bulk update
        new_events = self.events(home, orgs)

        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {len(orgs)} organisations, {len(practices)} practices "
                f"({created} new, {translated} new translations), {len(EVENTS)} events "
                f"({new_events} new), {pages} new pages."
            )
        )

    def translations(self):
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

    def events(self, home, orgs):
        """Events dated relative to today, so the demo always has past and upcoming ones."""
        listing = EventIndexPage.objects.child_of(home).first()
        today = timezone.localdate()
        created = 0
        for index, data in enumerate(EVENTS):
            if EventPage.objects.child_of(listing).filter(slug=data["slug"]).exists():
                continue
            start = today + datetime.timedelta(days=data["start_day"])
            end = today + datetime.timedelta(days=data["end_day"])
            deadline = data.get("registration_deadline_day")
            event = EventPage(
                title=data["title"],
                slug=data["slug"],
                summary=data["summary"],
                body=data["body"],
                kind=data["kind"],
                status=data["status"],
                start_date=start,
                end_date=end,
                all_day=data["all_day"],
                start_time=_time(data["start_time"]),
                end_time=_time(data["end_time"]),
                timezone=data["timezone"],
                event_format=data["format"],
                venue=data["venue"],
                address=data["address"],
                city=data["city"],
                country=Country.objects.get(code=data["country"]),
                online_url=data["online_url"],
                registration_url=data["registration_url"],
                registration_deadline=today + datetime.timedelta(days=deadline)
                if deadline is not None
                else None,
                is_free=data["is_free"],
                cost_note=data["cost_note"],
                organisation=orgs[data["organisation"]],
                co_organisers=[orgs[slug] for slug in data["co_organisers"]],
                languages=list(Language.objects.filter(code__in=data["languages"])),
                action_areas=[term(ActionArea, code) for code in data["areas"]],
                target_groups=[term(TargetGroup, code) for code in data["targets"]],
                related_practices=list(
                    PracticePage.objects.filter(slug__in=data.get("related_practices", []))
                ),
            )
            listing.add_child(instance=event)
            event.save_revision().publish()
            published = timezone.now() - datetime.timedelta(
                days=max(3, 30 - data["start_day"] // 4), minutes=index
            )
            EventPage.objects.filter(pk=event.pk).update(
                first_published_at=published, last_published_at=published
            )
            created += 1
        return created

    def standard_pages(self, home):
        created = 0
        for data in STANDARD_PAGES:
            if StandardPage.objects.child_of(home).filter(slug=data["slug"]).exists():
                continue
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
        return created

    def organisations(self, rows):
        locale = default_locale()
        by_slug = {}
        for index, data in enumerate(rows):
            organisation = Organisation.objects.filter(slug=data["slug"], locale=locale).first()
            if organisation is None:
                logo = CustomImage.objects.create(
                    title=f"Logo of {data['name']}",
                    description="",
                    file=ContentFile(artwork.logo(index, data["name"]), name=f"{data['slug']}.png"),
                )
                organisation = Organisation.objects.create(
                    locale=locale,
                    slug=data["slug"],
                    name=data["name"],
                    acronym=data.get("acronym", ""),
                    organisation_type=term(OrganisationType, data["type"]),
                    country=Country.objects.get(code=data["country"]),
                    region_city=data.get("region_city", ""),
                    website=data.get("website", ""),
                    description=data.get("description", ""),
                    logo=logo,
                )
            by_slug[data["slug"]] = organisation
        return by_slug

    def practice(self, library, data, index, orgs):
        if Page.objects.child_of(library).filter(slug=data["slug"]).exists():
            return False
        image = CustomImage.objects.create(
            title=data["title"],
            description="Illustration: people standing side by side",
            credit="Integra demo illustration",
            file=ContentFile(
                artwork.illustration(index, data["areas"][0]), name=f"{data['slug']}.png"
            ),
        )
        page = PracticePage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            organisation=orgs[data["organisation"]],
            partner_organisations=[orgs[slug] for slug in data.get("partners", [])],
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
                    artwork.report_pdf(
                        attachment["title"], page.organisation.name, attachment["text"]
                    ),
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
