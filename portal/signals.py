from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save, pre_save

from wagtail.models import Locale
from wagtail.signals import page_published

from allauth.account.models import EmailAddress

from portal import alerts, mail
from portal.accounts import remember_language
from portal.memberships import organisation_status_changed
from portal.models import (
    ActionArea,
    Country,
    FundingInstrument,
    Language,
    Organisation,
    OrganisationType,
    Revision,
    SubTheme,
    TargetGroup,
)
from portal.models.editions import record_edition

# Labels and options of these are cached under Revision.TAXONOMY.
TAXONOMY_MODELS = (
    ActionArea,
    SubTheme,
    OrganisationType,
    TargetGroup,
    FundingInstrument,
    Country,
    Language,
    Locale,
)


def remember_status(sender, instance, **kwargs):
    if instance.pk:
        instance._previous_status = (
            Organisation.objects.filter(pk=instance.pk).values_list("status", flat=True).first()
        )


def settle_proposal(sender, instance, created, **kwargs):
    previous = getattr(instance, "_previous_status", None)
    if not created and previous:
        organisation_status_changed(instance, previous)


def verify_command_line_superuser(sender, instance, created, **kwargs):
    """Admins created with `createsuperuser` are trusted: their address counts as verified."""
    if created and instance.is_superuser and instance.email:
        EmailAddress.objects.get_or_create(
            user=instance, email=instance.email, defaults={"verified": True, "primary": True}
        )


def taxonomy_changed(sender, **kwargs):
    Revision.bump(Revision.TAXONOMY)


def connect():
    user_logged_in.connect(remember_language)
    mail.bounced.connect(alerts.pause_bounced)
    page_published.connect(record_edition)
    for model in TAXONOMY_MODELS:
        post_save.connect(taxonomy_changed, sender=model)
        post_delete.connect(taxonomy_changed, sender=model)
    pre_save.connect(remember_status, sender=Organisation)
    post_save.connect(settle_proposal, sender=Organisation)
    post_save.connect(verify_command_line_superuser, sender=get_user_model())
