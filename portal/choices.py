from django.db import models
from django.utils.translation import gettext_lazy as _


class CountryGroup(models.TextChoices):
    EU = "eu", _("EU member state")
    EEA = "eea", _("EEA / EFTA")
    CANDIDATE = "candidate", _("EU candidate country")
    OTHER = "other", _("Other country")
