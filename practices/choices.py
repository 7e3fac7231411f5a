from django.db import models
from django.utils.translation import gettext_lazy as _


class ImplementationLevel(models.TextChoices):
    LOCAL = "local", _("Local")
    REGIONAL = "regional", _("Regional")
    NATIONAL = "national", _("National")
    TRANSNATIONAL = "transnational", _("Transnational")


class EvidenceLevel(models.TextChoices):
    EXTERNAL = "external", _("Externally evaluated")
    INTERNAL = "internal", _("Internally evaluated")
    NONE = "none", _("Not evaluated")


class MigrantParticipation(models.TextChoices):
    WITH_MIGRANTS = "with-migrants", _("Designed or run with migrants")
    MIGRANT_LED = "migrant-led", _("Migrant-led organisation")
    NEITHER = "neither", _("Neither")


class Continuation(models.TextChoices):
    FINISHED = "finished", _("Finished")
    ONGOING = "ongoing", _("Ongoing")
    REGULAR_SERVICE = "regular-service", _("Became a regular service")


class Status(models.TextChoices):
    """The library's status filter: ongoing (incl. regular services) or finished."""

    ONGOING = "ongoing", _("Ongoing")
    FINISHED = "finished", _("Finished")


class Currency(models.TextChoices):
    EUR = "EUR", _("euro (EUR)")
    BGN = "BGN", _("Bulgarian lev (BGN)")
    CZK = "CZK", _("Czech koruna (CZK)")
    DKK = "DKK", _("Danish krone (DKK)")
    HUF = "HUF", _("Hungarian forint (HUF)")
    PLN = "PLN", _("Polish złoty (PLN)")
    RON = "RON", _("Romanian leu (RON)")
    SEK = "SEK", _("Swedish krona (SEK)")
    NOK = "NOK", _("Norwegian krone (NOK)")
    ISK = "ISK", _("Icelandic króna (ISK)")
    CHF = "CHF", _("Swiss franc (CHF)")
    GBP = "GBP", _("pound sterling (GBP)")
    USD = "USD", _("US dollar (USD)")


class ValidationCriterion(models.TextChoices):
    """The checklist of an expert validation, from the criteria good-practice databases publish."""

    GOALS = "goals", _("Clear goals and context")
    RESULTS = "results", _("Results with evidence")
    DURATION = "duration", _("Running for at least a year")
    TRANSFERABILITY = "transferability", _("Transferability")
    TARGET_GROUP = "target-group", _("The target group involved")
    COSTS = "costs", _("Costs known")


class Validated(models.TextChoices):
    """The library's "validated" filter: a validation whose re-check date has not passed."""

    YES = "yes", _("Validated by experts")


class AdoptionKind(models.TextChoices):
    """How a practice took up another one (the adopter says so in its submission form)."""

    INSPIRED_BY = "inspired-by", _("Inspired by")
    ADAPTED_FROM = "adapted-from", _("Adapted from")
    SCALED_UP_FROM = "scaled-up-from", _("Scaled up from")


class Adoption(models.TextChoices):
    """The library's "adopted elsewhere" filter."""

    ADOPTED = "adopted", _("Adopted elsewhere")


class RequestKind(models.TextChoices):
    QUESTION = "question", _("Question about adopting")
    VISIT = "visit", _("Study visit")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    VISITED = "visited", _("Visited")
    ADAPTED = "adapted", _("Adapted")
