"""Saved searches (what a signed-in reader follows) and the record of the alerts sent."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("As soon as something is published")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")
    NEVER = "never", _("No email")


class SavedSearch(models.Model):
    """A listing (practice library, search, events, an organisation) with its filters, saved by
    a reader under a name; alerts tell them what newly matches it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(max_length=30)  # a `portal.following.Followable.kind`
    query = models.CharField(max_length=2000, blank=True)  # `following.clean_query`
    frequency = models.CharField(
        _("email alerts"), max_length=12, choices=Frequency.choices, default=Frequency.DAILY
    )
    paused = models.BooleanField(
        _("paused"), default=False, help_text=_("Mail to this address bounced.")
    )
    created_at = models.DateTimeField(default=timezone.now)
    checked_until = models.DateTimeField(
        default=timezone.now, help_text="Items published after this are new to this search."
    )

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "query"], name="one_saved_search")
        ]
        indexes = [models.Index(fields=["frequency", "checked_until"])]

    def __str__(self):
        return self.name


class AlertDelivery(models.Model):
    """One edition of an item sent to one saved search (`portal.models.editions`): written in
    the same transaction as the queued mail, so a rerun (or a run after a crash) never sends it
    again, and a substantial update of the item is sent once more."""

    saved_search = models.ForeignKey(
        SavedSearch, on_delete=models.CASCADE, related_name="deliveries"
    )
    item_key = models.CharField(max_length=120)
    edition = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["saved_search", "item_key", "edition"], name="one_delivery_per_edition"
            )
        ]

    def __str__(self):
        return f"{self.item_key} ({self.edition}) → {self.saved_search_id}"
