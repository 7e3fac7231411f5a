from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    STUDY_VISIT = "study-visit", _("Study visit")
    WEBINAR = "webinar", _("Webinar")
    CONFERENCE = "conference", _("Conference")
    TRAINING = "training", _("Training")
    WORKSHOP = "workshop", _("Peer-learning workshop")
    # Open from its start to its end (the deadline for applications).
    CALL = "call-for-proposals", _("Call for proposals")


class EventFormat(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed (new date to be announced)")
    RESCHEDULED = "rescheduled", _("Rescheduled")


# Time zones offered to organisers: Europe's, plus UTC.
TIMEZONES = [
    "Europe/Amsterdam",
    "Europe/Athens",
    "Europe/Belgrade",
    "Europe/Berlin",
    "Europe/Bratislava",
    "Europe/Brussels",
    "Europe/Bucharest",
    "Europe/Budapest",
    "Europe/Copenhagen",
    "Europe/Dublin",
    "Europe/Helsinki",
    "Europe/Istanbul",
    "Europe/Kyiv",
    "Europe/Lisbon",
    "Europe/Ljubljana",
    "Europe/London",
    "Europe/Luxembourg",
    "Europe/Madrid",
    "Europe/Malta",
    "Europe/Oslo",
    "Europe/Paris",
    "Europe/Prague",
    "Europe/Riga",
    "Europe/Rome",
    "Europe/Sofia",
    "Europe/Stockholm",
    "Europe/Tallinn",
    "Europe/Vienna",
    "Europe/Vilnius",
    "Europe/Warsaw",
    "Europe/Zagreb",
    "Europe/Zurich",
    "Atlantic/Canary",
    "UTC",
]
TIMEZONE_CHOICES = [(name, name.replace("_", " ")) for name in TIMEZONES]
