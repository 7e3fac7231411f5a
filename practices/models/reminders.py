from django.db import models
from django.utils.translation import gettext_lazy as _


class FreshnessReminder(models.Model):
    """When the owning organisation's managers were last reminded that a practice has not been
    confirmed for a year (`practices.reminders`): one record for all its language versions, so
    a rerun sends nothing twice and the next reminder waits another year."""

    translation_key = models.UUIDField(unique=True, editable=False)
    sent_on = models.DateField(_("reminder sent on"))
    recipients = models.PositiveSmallIntegerField(_("managers reminded"), default=0)

    class Meta:
        verbose_name = _("freshness reminder")
        verbose_name_plural = _("freshness reminders")

    def __str__(self):
        return f"{self.translation_key} ({self.sent_on})"
