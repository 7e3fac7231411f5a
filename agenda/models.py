"""Peer-learning events (study visits, webinars, conferences, training) and their listing."""

import datetime
import logging
from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Subquery, prefetch_related_objects
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, PageLogEntry, PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal import exports
from portal.i18n import ServesOtherLocalesMixin, best_versions, current_language
from portal.models import (
    ActionArea,
    Country,
    CustomImage,
    EditionMixin,
    FundingInstrument,
    Language,
    Organisation,
    TargetGroup,
)
from portal.models.editions import text_changed
from portal.page_queries import ReaderPageQuerySet
from portal.site_tree import ViewRestrictionsMixin
from submissions import permissions
from submissions.pages import SubmittablePageMixin

from . import calendar_links
from .choices import TIMEZONE_CHOICES, EventFormat, EventKind, EventStatus
from .feeds import UpcomingEventsAtomFeed, UpcomingEventsFeed, calendar_response, filtered_events
from .forms import EventPageForm, event_errors
from .listing import build_listing
from .listing import results as listing_results
from .records import events_export
from .structured_data import event_json_ld

logger = logging.getLogger(__name__)
# Changes of these tell the event's followers again (`portal.models.editions`): when, where,
# whether it takes place, how to join or register, and rewritten text.
SUBSTANTIAL_FACTS = (
    "status",
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "timezone",
    "event_format",
    "venue",
    "address",
    "city",
    "country_id",
    "online_url",
    "registration_url",
    "registration_deadline",
)
SUBSTANTIAL_TEXTS = ("summary", "body")


class EventQuerySet(ReaderPageQuerySet):
    def listable(self, locale=None):
        qs = self.live().public()
        return qs.filter(locale=locale) if locale is not None else qs

    def upcoming(self, now=None):
        """Not yet over: future events and those running now."""
        return self.filter(end_utc__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(end_utc__lt=now or timezone.now())

    def for_listing(self):
        """What an event card shows."""
        return self.select_related("locale", "organisation", "country")

    def with_sequence(self):
        """Annotate `publications`: how often each event was published (iCalendar SEQUENCE)."""
        publications = (
            PageLogEntry.objects.filter(page=OuterRef("pk"), action="wagtail.publish")
            .order_by()
            .values("page")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(publications=Subquery(publications))


EventManager = PageManager.from_queryset(EventQuerySet)


class EventIndexPage(ViewRestrictionsMixin, ServesOtherLocalesMixin, RoutablePageMixin, Page):
    """Events: upcoming by default, an archive of past events, a month calendar, filters and
    calendar/RSS feeds for any combination of filters."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event listing")

    @staticmethod
    def listable_events():
        """One version of every listable event: the reader's language where translated."""
        return best_versions(EventPage.objects.listable(), current_language())

    @path("")
    def listing(self, request):
        export_format = exports.requested_format(request)
        if export_format is None:
            return exports.bad_format()
        if export_format:  # ?export=csv|json|xlsx: the listing's results as a download
            events = listing_results(request, self.listable_events())
            return events_export(request, export_format, self.slug, events)
        context = self.get_context(request)
        context.update(build_listing(request, self.listable_events()))
        context["listing_url"] = self.get_url(request)
        return self.render(request, context_overrides=context)

    @path("feed.ics/")
    def calendar_feed(self, request):
        events = filtered_events(self.listable_events(), request)
        return calendar_response(events, f"{self.slug}.ics", request)

    @path("feed.rss/")
    def rss_feed(self, request):
        return UpcomingEventsFeed(self, listing_results(request, self.listable_events()))(request)

    @path("feed.atom/")
    def atom_feed(self, request):
        events = listing_results(request, self.listable_events())
        return UpcomingEventsAtomFeed(self, events)(request)


class EventPage(EditionMixin, ViewRestrictionsMixin, SubmittablePageMixin, RoutablePageMixin, Page):
    """One event. Times are entered in the event's own time zone, which readers are shown."""

    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("One paragraph for listings and feeds.")
    )
    body = RichTextField(
        _("description"), blank=True, features=["h3", "h4", "bold", "italic", "ol", "ul", "link"]
    )
    kind = models.CharField(
        _("kind of event"), max_length=20, choices=EventKind.choices, default=EventKind.WORKSHOP
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    start_date = models.DateField(_("start date"), null=True)
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    all_day = models.BooleanField(_("all-day event"), default=False)
    timezone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=TIMEZONE_CHOICES,
        default="Europe/Brussels",
        help_text=_("The times above are in this time zone, where the event takes place."),
    )
    start_utc = models.DateTimeField(editable=False, db_index=True, null=True)
    end_utc = models.DateTimeField(editable=False, db_index=True, null=True)
    event_format = models.CharField(
        _("format"), max_length=20, choices=EventFormat.choices, default=EventFormat.IN_PERSON
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.ForeignKey(
        Country,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("country"),
    )
    online_url = models.URLField(
        _("online joining link"),
        blank=True,
        help_text=_("Shown to readers for online and hybrid events only."),
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    registration_deadline = models.DateField(_("registration deadline"), null=True, blank=True)
    is_free = models.BooleanField(_("free of charge"), default=True)
    cost_note = models.CharField(
        _("cost"), max_length=200, blank=True, help_text=_("e.g. “EUR 120, reduced fee for NGOs”")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="events", verbose_name=_("organiser")
    )
    co_organisers = ParentalManyToManyField(
        Organisation,
        blank=True,
        related_name="co_organised_events",
        verbose_name=_("co-organisers"),
    )
    languages = ParentalManyToManyField(
        Language, blank=True, related_name="events", verbose_name=_("languages spoken")
    )
    action_areas = ParentalManyToManyField(
        ActionArea, blank=True, related_name="events", verbose_name=_("action areas")
    )
    target_groups = ParentalManyToManyField(
        TargetGroup, blank=True, related_name="events", verbose_name=_("target audience")
    )
    funding_instruments = ParentalManyToManyField(
        FundingInstrument,
        blank=True,
        related_name="events",
        verbose_name=_("funding instruments"),
        help_text=_("For a call for proposals: the fund or programme it belongs to."),
    )
    related_practices = ParentalManyToManyField(
        "practices.PracticePage",
        blank=True,
        related_name="events",
        verbose_name=_("related practices"),
        help_text=_("e.g. the practice a study visit shows."),
    )
    image = models.ForeignKey(
        CustomImage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )

    objects = EventManager()
    served_with = ("organisation", "country", "image")  # read with it (portal.site_tree)
    # Every language version points at the same organisation record (wagtail-localize would
    # otherwise look for, and create, a copy of it in each language).
    override_translatable_fields = [SynchronizedField("organisation")]
    base_form_class = EventPageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldPanel("all_day"),
                FieldPanel("timezone"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("event_format"),
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_url"),
                FieldPanel("registration_deadline"),
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("cost_note")]),
            ],
            heading=_("Registration and cost"),
        ),
        FieldPanel("organisation"),
        FieldPanel("co_organisers", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        FieldPanel("image"),
    ]
    taxonomy_panels = [
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("action_areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("funding_instruments", widget=forms.CheckboxSelectMultiple),
        FieldPanel("related_practices"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(taxonomy_panels, heading=_("Themes and audience")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("city"),
        index.FilterField("locale_id"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = event_errors(
            start_date=self.start_date,
            start_time=self.start_time,
            end_date=self.end_date,
            end_time=self.end_time,
            all_day=self.all_day,
            event_format=self.event_format,
            online_url=self.online_url,
            city=self.city,
            country=self.country,
            registration_deadline=self.registration_deadline,
            kind=self.kind,
        )
        if errors:
            raise ValidationError(errors)

    def substantial_changes(self, previous):
        changed = [
            name for name in SUBSTANTIAL_FACTS if getattr(previous, name) != getattr(self, name)
        ]
        changed += [
            name
            for name in SUBSTANTIAL_TEXTS
            if text_changed(getattr(previous, name), getattr(self, name))
        ]
        return [name.removesuffix("_id") for name in changed]

    def save(self, *args, **kwargs):
        self.start_utc, self.end_utc = self.utc_bounds()
        return super().save(*args, **kwargs)

    # -- time ------------------------------------------------------------------------------

    @property
    def tz(self):
        return ZoneInfo(self.timezone or "UTC")

    @property
    def start(self):
        """Aware start in the event's time zone (midnight for all-day events)."""
        return datetime.datetime.combine(
            self.start_date,
            self.start_time if not self.all_day and self.start_time else datetime.time.min,
            tzinfo=self.tz,
        )

    @property
    def end(self):
        """Aware end in the event's time zone (end of the last day for all-day events)."""
        if self.all_day or not self.end_time:
            return datetime.datetime.combine(
                self.end_date + datetime.timedelta(days=1), datetime.time.min, tzinfo=self.tz
            )
        return datetime.datetime.combine(self.end_date, self.end_time, tzinfo=self.tz)

    def utc_bounds(self):
        if not (self.start_date and self.end_date):
            return None, None  # an incomplete draft
        try:
            return self.start.astimezone(datetime.UTC), self.end.astimezone(datetime.UTC)
        except OverflowError:  # at the edge of the representable dates; the forms refuse it
            logger.warning("Event %s has dates out of range: %s", self.pk, self.end_date)
            return None, None

    @property
    def is_multi_day(self):
        return self.end_date > self.start_date

    @property
    def is_past(self):
        return bool(self.end_utc) and self.end_utc < timezone.now()

    @property
    def is_happening(self):
        """Started and not yet over."""
        now = timezone.now()
        return bool(self.start_utc) and self.start_utc <= now and not self.is_past

    @property
    def is_call(self):
        """A call for proposals: open from its start until its end, the deadline."""
        return self.kind == EventKind.CALL

    @property
    def registration_open(self):
        """Registration is open until the deadline (a day in the event's time zone) and
        never once the event has begun, been cancelled or postponed."""
        if self.status in (EventStatus.CANCELLED, EventStatus.POSTPONED):
            return False
        now = timezone.now()
        if self.start_utc and self.start_utc <= now:
            return False
        deadline = self.registration_deadline
        return deadline is None or deadline >= now.astimezone(self.tz).date()

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def shows_online_link(self):
        return self.event_format in (EventFormat.ONLINE, EventFormat.HYBRID) and bool(
            self.online_url
        )

    @property
    def has_place(self):
        return self.event_format in (EventFormat.IN_PERSON, EventFormat.HYBRID)

    @cached_property
    def uid(self):
        return f"event-{self.translation_key}@integra"

    def public_related_practices(self):
        """The related practices anyone may see: live and not restricted (login, password,
        groups). Works in previews too, where the relation holds the form's choices."""
        model = self._meta.get_field("related_practices").related_model
        chosen = [practice.pk for practice in self.related_practices.all()]
        return model.objects.filter(pk__in=chosen).live().public().order_by("title").for_listing()

    # -- pages -----------------------------------------------------------------------------

    @path("")
    def detail(self, request):
        return self.render(request)

    @path("event.ics/")
    def ics(self, request):
        event = EventPage.objects.with_sequence().get(pk=self.pk) if self.live else self
        return calendar_response([event], f"{self.slug}.ics", request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if not getattr(request, "is_preview", False):  # a preview holds the form's choices
            prefetch_related_objects(
                [self], "co_organisers", "languages", "action_areas", "target_groups"
            )
        context["json_ld"] = event_json_ld(self, request)
        url = self.get_url(request)
        context["ics_url"] = url + "event.ics" if url else ""
        if url:
            context["calendar_links"] = {
                "google": calendar_links.google(self, request),
                "outlook": calendar_links.outlook(self, request),
            }
        if request.user.is_authenticated and permissions.can_edit(request.user, self):
            context["edit_url"] = self.get_edit_url()
        return context
