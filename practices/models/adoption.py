"""Adoption between places: the typed links from a practice to the practices it took up, and
the requests one organisation sends another about adopting a practice or visiting it."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from portal.models import Organisation

from ..choices import AdoptionKind, RequestKind, RequestStatus
from .practice import PracticePage

NOTE_MAX_LENGTH = 300


class PracticeAdoption(Orderable):
    """ "This practice was adapted from that one": entered by the adopting organisation with
    its practice (part of the adopter's revisions, so the link goes live when it is published),
    shown on both practices."""

    adopter = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="adapted_from")
    original = models.ForeignKey(
        PracticePage,
        on_delete=models.CASCADE,
        related_name="adoptions",
        verbose_name=_("original practice"),
    )
    kind = models.CharField(
        _("kind of link"),
        max_length=20,
        choices=AdoptionKind.choices,
        default=AdoptionKind.ADAPTED_FROM,
    )
    note = models.CharField(
        _("what we changed"),
        max_length=NOTE_MAX_LENGTH,
        blank=True,
        help_text=_("In a sentence or two: what you changed for your place."),
    )

    panels = [FieldPanel("original"), FieldPanel("kind"), FieldPanel("note")]


class AdoptionRequestQuerySet(models.QuerySet):
    def answered_by(self, organisation):
        return self.filter(owner_organisation=organisation).exclude(status=RequestStatus.PENDING)


class AdoptionRequest(models.Model):
    """A member of one organisation asks the owner of a practice about adopting it, or for a
    study visit. Managers of the owning organisation (or, when it has none, an editor relaying
    it) accept or decline; an accepted request can then be marked visited, then adapted."""

    practice = models.ForeignKey(
        PracticePage, on_delete=models.CASCADE, related_name="adoption_requests"
    )
    owner_organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="adoption_requests_received"
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="adoption_requests"
    )
    requester_organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="adoption_requests_sent"
    )
    kind = models.CharField(_("kind of request"), max_length=20, choices=RequestKind.choices)
    purpose = models.TextField(_("what you would like to know or see, and why"), max_length=3000)
    date_from = models.DateField(_("first day of the visit"), null=True, blank=True)
    date_to = models.DateField(_("last day of the visit"), null=True, blank=True)
    people = models.PositiveSmallIntegerField(
        _("number of people"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(200)],
    )
    languages = models.CharField(_("languages you can speak"), max_length=200, blank=True)
    status = models.CharField(
        max_length=20, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    relayed = models.BooleanField(default=False)  # sent to the editors: it had no manager
    draft = models.ForeignKey(
        PracticePage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AdoptionRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("adoption request")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.practice.title}"


class AdoptionRequestEvent(models.Model):
    """One step in a request's history: sent, accepted, declined, visited, adapted."""

    request = models.ForeignKey(AdoptionRequest, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(max_length=20, choices=RequestStatus.choices)
    message = models.TextField(blank=True, max_length=3000)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    by_organisation = models.ForeignKey(
        Organisation, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.label} ({self.at:%Y-%m-%d})"

    @property
    def label(self):
        """What the step was: "Request sent", then the status it moved the request to."""
        if self.status == RequestStatus.PENDING:
            return _("Request sent")
        return self.get_status_display()
