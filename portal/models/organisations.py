from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from .taxonomy import Country, OrganisationType


class OrganisationStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed, waiting for an editor")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Not accepted")


class OrganisationQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=OrganisationStatus.APPROVED)

    def default_locale(self):
        """The canonical rows that practices link to."""
        return self.filter(locale__language_code=settings.LANGUAGE_CODE)

    def with_related(self):
        return self.select_related("organisation_type", "country", "logo", "locale")

    def directory(self, text="", country=""):
        """The public directory (approved, canonical rows), by name or acronym and country."""
        found = self.default_locale().approved().with_related()
        if text:
            found = found.filter(models.Q(name__icontains=text) | models.Q(acronym__icontains=text))
        if country:
            found = found.filter(country__code=country)
        return found.order_by("name", "pk")


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """A municipality, NGO, authority or other body that owns or partners in practices.

    Its public profile lists the organisation's published practices.
    """

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        help_text=_("Used in the profile's web address, e.g. “city-of-malmo”."),
    )
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    organisation_type = models.ForeignKey(
        OrganisationType,
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("organisation type"),
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("country"),
    )
    region_city = models.CharField(_("region or city"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "portal.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    description = models.TextField(
        _("short description"),
        max_length=1000,
        blank=True,
        help_text=_("What the organisation does, in two or three sentences."),
    )

    status = models.CharField(
        _("status"),
        max_length=20,
        choices=OrganisationStatus.choices,
        default=OrganisationStatus.APPROVED,
        help_text=_("Organisations proposed by members stay hidden until an editor approves them."),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = OrganisationQuerySet.as_manager()

    panels = [
        FieldPanel("status"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("acronym"),
        MultiFieldPanel(
            [
                FieldPanel("organisation_type"),
                FieldPanel("country"),
                FieldPanel("region_city"),
            ],
            heading=_("Type and place"),
        ),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("description"),
    ]

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("acronym"),
        index.SearchField("description"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_organisation_slug")
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisation_detail", kwargs={"slug": self.slug})

    @property
    def is_approved(self):
        return self.status == OrganisationStatus.APPROVED
