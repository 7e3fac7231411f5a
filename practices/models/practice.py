"""Good-practice pages (case studies) and the library that lists them."""

import copy
import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager, PageViewRestriction
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.i18n import current_language
from portal.models import (
    ActionArea,
    Country,
    CustomImage,
    EditionMixin,
    FundingInstrument,
    Organisation,
    Rendition,
    Revision,
    SubTheme,
    TargetGroup,
)
from portal.models.editions import text_changed
from portal.models.taxonomy import terms_by_code
from portal.page_queries import ReaderPageQuerySet
from portal.site_tree import ViewRestrictionsMixin
from portal.translation_status import reader_info
from search import service
from submissions import permissions
from submissions.pages import SubmittablePageMixin

from .. import confirmation
from ..choices import (
    Continuation,
    Currency,
    EvidenceLevel,
    ImplementationLevel,
    MigrantParticipation,
)
from ..forms import PracticePageForm, date_errors
from ..library import TERM_RELATIONS, facet_index, prefill_terms

SUMMARY_MAX_LENGTH = 600
OUT_OF_DATE_AFTER = datetime.timedelta(days=2 * 365)
BODY_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "blockquote"]
LISTING_RENDITION = "fill-480x270|format-webp"
# The practice's structured text, in reading order: (field name, heading).
BODY_SECTIONS = [
    ("challenge", _("Challenge addressed and goals")),
    ("approach", _("Approach and activities")),
    ("results", _("Results and evidence of success")),
    ("difficulties", _("What did not work and difficulties met")),
    ("resources", _("Resources needed")),
    ("transferability", _("Transferability and lessons learned")),
]
# Changes of these tell the practice's followers again (`portal.models.editions`).
SUBSTANTIAL_TEXTS = ("summary", *(name for name, _heading in BODY_SECTIONS))
SUBSTANTIAL_FACTS = ("continuation", "end_date", "evidence_level")


_private_paths = {}


def private_paths():
    """Paths of the pages with a view restriction, read once per change of the practices'
    revision (which every change of a restriction or move of a page bumps: practices.signals)."""
    revision = Revision.current(Revision.PRACTICES)
    if revision is None or _private_paths.get("revision") != revision:
        paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        _private_paths.clear()
        _private_paths.update(revision=revision, paths=paths)
    return _private_paths["paths"]


class PracticeQuerySet(ReaderPageQuerySet):
    def listable(self, locale=None):
        """Practices anyone may see: live, not restricted, optionally in one locale."""
        qs = self.live().public()
        if locale is not None:
            qs = qs.filter(locale=locale)
        return qs

    def searchable(self):
        """`listable()` with the view restrictions as conditions on paths, which the search
        backends understand (they cannot use the subquery of `public()`)."""
        qs = self.live()
        for path in private_paths():
            qs = qs.exclude(path__startswith=path)
        return qs

    def for_listing(self):
        """Everything a practice card shows, in a fixed number of queries: two, when the
        facet index knows the practices' terms (see `_prefetch_related_objects`)."""
        return self.select_related(
            "locale",
            "organisation__organisation_type",
            "organisation__country",
            "image",
            "validation",
        ).prefetch_related(
            "countries",
            "action_areas",
            Prefetch(
                "image__renditions",
                queryset=Rendition.objects.filter(filter_spec=LISTING_RENDITION),
                to_attr="prefetched_renditions",
            ),
        )

    def _prefetch_related_objects(self):
        # The terms the facet index knows need no query (practices.library.prefill_terms).
        prefill_terms(self._result_cache, self._prefetch_related_lookups)
        super()._prefetch_related_objects()

    def by_organisation(self, organisation):
        return self.filter(
            models.Q(organisation=organisation) | models.Q(partner_organisations=organisation)
        ).distinct()


PracticeManager = PageManager.from_queryset(PracticeQuerySet)
# More people than this is a typing slip (and would not fit the database column).
PEOPLE_REACHED_MAX = 1_000_000_000
validate_people_reached = MaxValueValidator(PEOPLE_REACHED_MAX)


def validate_summary_length(value):
    if len(value) > SUMMARY_MAX_LENGTH:
        raise ValidationError(
            _(
                "The summary is too long: keep it to one paragraph of at most "
                "%(limit)d characters (it has %(length)d)."
            ),
            code="summary_too_long",
            params={"limit": SUMMARY_MAX_LENGTH, "length": len(value)},
        )


class PracticePage(EditionMixin, ViewRestrictionsMixin, SubmittablePageMixin, Page):
    """A good practice (case study) in integration and inclusion, owned by one organisation.

    Structured like the EWSI, Interreg Europe and Climate-ADAPT case-study templates.
    """

    summary = models.TextField(
        _("summary"),
        validators=[validate_summary_length],
        help_text=_("One paragraph for listings and search results (at most 600 characters)."),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="practices",
        verbose_name=_("owning organisation"),
    )
    partner_organisations = ParentalManyToManyField(
        Organisation,
        blank=True,
        related_name="partner_practices",
        verbose_name=_("partner organisations"),
    )
    countries = ParentalManyToManyField(
        Country, related_name="practices", verbose_name=_("countries")
    )
    region_city = models.CharField(_("region or city"), max_length=200, blank=True)
    implementation_level = models.CharField(
        _("implementation level"),
        max_length=20,
        choices=ImplementationLevel.choices,
        default=ImplementationLevel.LOCAL,
    )
    action_areas = ParentalManyToManyField(
        ActionArea, related_name="practices", verbose_name=_("action areas")
    )
    sub_themes = ParentalManyToManyField(
        SubTheme, blank=True, related_name="practices", verbose_name=_("sub-themes")
    )
    target_groups = ParentalManyToManyField(
        TargetGroup, blank=True, related_name="practices", verbose_name=_("target groups")
    )
    people_reached = models.PositiveIntegerField(
        _("number of people reached"), null=True, blank=True
    )
    funding_instruments = ParentalManyToManyField(
        FundingInstrument,
        blank=True,
        related_name="practices",
        verbose_name=_("funding instruments"),
    )
    start_date = models.DateField(_("start date"), null=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    continuation = models.CharField(
        _("status"),
        max_length=20,
        choices=Continuation.choices,
        default=Continuation.ONGOING,
        help_text=_("Finished practices need an end date."),
    )
    budget_amount = models.DecimalField(
        _("budget"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    budget_currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.EUR
    )
    challenge = RichTextField(BODY_SECTIONS[0][1], features=BODY_FEATURES, blank=True)
    approach = RichTextField(BODY_SECTIONS[1][1], features=BODY_FEATURES)
    results = RichTextField(BODY_SECTIONS[2][1], features=BODY_FEATURES, blank=True)
    difficulties = RichTextField(BODY_SECTIONS[3][1], features=BODY_FEATURES, blank=True)
    resources = RichTextField(BODY_SECTIONS[4][1], features=BODY_FEATURES, blank=True)
    transferability = RichTextField(BODY_SECTIONS[5][1], features=BODY_FEATURES, blank=True)
    evidence_level = models.CharField(
        _("evidence level"),
        max_length=20,
        choices=EvidenceLevel.choices,
        default=EvidenceLevel.NONE,
    )
    migrant_participation = models.CharField(
        _("migrant participation"),
        max_length=20,
        choices=MigrantParticipation.choices,
        default=MigrantParticipation.NEITHER,
    )
    image = models.ForeignKey(
        CustomImage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("main image"),
        help_text=_("Shown at the top of the page and in listings."),
    )
    last_confirmed = models.DateField(
        _("last confirmed by its owner"),
        default=datetime.date.today,
        help_text=_("When the owning organisation last confirmed that this page is accurate."),
    )
    # Who confirmed it from the practice page ("still current": practices.confirmation).
    last_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("last confirmed by"),
    )
    # The submitter's consent to the open-data licence, saved with the revision it was given in.
    licence = models.URLField(_("licence"), blank=True, editable=False)
    licence_agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    licence_agreed_at = models.DateTimeField(null=True, editable=False)
    # Whether a live practice elsewhere links to this one (practices.adoptions keeps it): the
    # library's "adopted elsewhere" filter. Not part of the page's revisions.
    adopted_elsewhere = models.BooleanField(default=False, editable=False)

    objects = PracticeManager()
    # Read with it (portal.site_tree): what its page shows of its relations.
    served_with = ("organisation__organisation_type", "image", "validation")
    # Every language version points at the same organisation record (wagtail-localize would
    # otherwise look for, and create, a copy of it in each language).
    override_translatable_fields = [SynchronizedField("organisation")]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("partner_organisations", widget=forms.CheckboxSelectMultiple),
                FieldPanel("countries", widget=forms.CheckboxSelectMultiple),
                FieldPanel("region_city"),
                FieldPanel("implementation_level"),
            ],
            heading=_("Who and where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("continuation"),
                FieldRowPanel([FieldPanel("budget_amount"), FieldPanel("budget_currency")]),
                FieldPanel("people_reached"),
            ],
            heading=_("Time, money and reach"),
        ),
        *[FieldPanel(name) for name, _heading in BODY_SECTIONS],
        MultiFieldPanel(
            [
                FieldPanel("evidence_level"),
                FieldPanel("migrant_participation"),
                FieldRowPanel(
                    [
                        FieldPanel("last_confirmed"),
                        FieldPanel("last_confirmed_by", read_only=True),
                    ]
                ),
            ],
            heading=_("Evidence and participation"),
        ),
        InlinePanel("gallery_images", heading=_("Images"), label=_("image")),
        InlinePanel("attachments", heading=_("Attachments"), label=_("document")),
        InlinePanel("links", heading=_("External links"), label=_("link")),
        InlinePanel("adapted_from", heading=_("Practices this one took up"), label=_("link")),
    ]
    taxonomy_panels = [
        FieldPanel("action_areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("sub_themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("funding_instruments", widget=forms.CheckboxSelectMultiple),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(taxonomy_panels, heading=_("Themes and groups")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        *[index.SearchField(name) for name, _heading in BODY_SECTIONS],
        index.SearchField("region_city"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.RelatedFields("action_areas", [index.SearchField("name")]),
        index.RelatedFields("target_groups", [index.SearchField("name")]),
        index.RelatedFields("countries", [index.SearchField("name")]),
        index.FilterField("locale_id"),
    ]

    base_form_class = PracticePageForm

    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")

    def agree_to_licence(self, user, licence=None):
        """Record that `user` agreed to publish this practice under `licence` (the portal's
        open-data licence unless named), now; saved with the next revision."""
        self.licence = licence or settings.OPEN_DATA_LICENCE
        self.licence_agreed_by = user if user and user.is_authenticated else None
        self.licence_agreed_at = timezone.now()

    def with_content_json(self, content):
        """A revision restores its fields, but not whether others adopted the practice since."""
        page = super().with_content_json(content)
        page.adopted_elsewhere = self.adopted_elsewhere
        return page

    def substantial_changes(self, previous):
        """Rewritten text (not a corrected word), another status, end or evidence level, or a
        new document: what a follower of the practice wants to know about."""
        changed = [
            name
            for name in SUBSTANTIAL_TEXTS
            if text_changed(getattr(previous, name), getattr(self, name))
        ]
        changed += [
            name for name in SUBSTANTIAL_FACTS if getattr(previous, name) != getattr(self, name)
        ]
        documents = {item.document_id for item in previous.attachments.all()}
        if {item.document_id for item in self.attachments.all()} - documents:
            changed.append("attachments")
        return changed

    def change_choices(self):
        return [
            *super().change_choices(),
            *BODY_SECTIONS,
            ("attachments", _("Attachments")),
        ]

    def clean(self):
        super().clean()
        errors = dict(date_errors(self.start_date, self.end_date, self.continuation))
        if self.people_reached is not None:
            try:
                validate_people_reached(self.people_reached)
            except ValidationError as error:
                errors["people_reached"] = error.messages
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        if user.is_authenticated and permissions.can_edit(user, self):
            context["edit_url"] = self.get_edit_url()
        context["can_confirm"] = confirmation.can_confirm(user, self)
        context["translation"] = reader_info(self)
        if self.live and not getattr(request, "is_preview", False):
            self.read_shown_relations()
            if not self.get_view_restrictions().exists():
                context["pdf_url"] = reverse("practice_pdf", args=[self.pk])
            context["related_practices"] = service.related(self)
            context["related_events"] = (
                self.events.live()
                .public()
                .upcoming()
                .select_related("locale", "country")
                .order_by("start_utc")[:3]
            )
        return context

    def read_shown_relations(self):
        """Read what the page shows in one query per relation (none for its terms, which the
        facet index knows), and the renditions of all its images in one."""
        facet_index(PracticePage, current_language())
        prefill_terms([self])
        prefetch_related_objects(
            [self],
            *TERM_RELATIONS,
            "partner_organisations",
            "links",
            Prefetch("attachments", PracticeAttachment.objects.select_related("document")),
            Prefetch("gallery_images", PracticeGalleryImage.objects.select_related("image")),
        )
        images = [self.image, *(item.image for item in self.gallery_images.all())]
        prefetch_related_objects([image for image in images if image], "renditions")

    @property
    def may_be_out_of_date(self):
        return timezone.localdate() - self.last_confirmed > OUT_OF_DATE_AFTER

    @cached_property
    def body_sections(self):
        return [
            (name, heading, getattr(self, name))
            for name, heading in BODY_SECTIONS
            if getattr(self, name)
        ]

    @staticmethod
    def action_area_counts(index):
        """Default-locale action areas, each with its number of practices in a facet index."""
        counts = index.counts("area", index.all)
        areas = [copy.copy(area) for area in terms_by_code(ActionArea).values()]
        for area in areas:
            area.practice_count = counts.get(area.code, 0)
        return areas


class PracticeGalleryImage(Orderable):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        CustomImage, on_delete=models.CASCADE, related_name="+", verbose_name=_("image")
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]


class PracticeAttachment(Orderable):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("document"),
    )
    title = models.CharField(
        _("title"),
        max_length=250,
        blank=True,
        help_text=_("Leave empty to use the document's own title."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    @property
    def display_title(self):
        return self.title or self.document.title


class PracticeLink(Orderable):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="links")
    url = models.URLField(_("web address"))
    title = models.CharField(_("title"), max_length=250)

    panels = [FieldPanel("url"), FieldPanel("title")]
