from django.db.models.signals import post_save, pre_save

from portal.memberships import organisation_status_changed
from portal.models import Organisation


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
        from allauth.account.models import EmailAddress

        EmailAddress.objects.get_or_create(
            user=instance, email=instance.email, defaults={"verified": True, "primary": True}
        )


def connect():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.signals import user_logged_in

    from portal.accounts import remember_language

    user_logged_in.connect(remember_language)

    from portal.models import (
        ActionArea,
        FundingInstrument,
        OrganisationType,
        SubTheme,
        TargetGroup,
    )
    from portal.models.taxonomy import clear_term_labels

    for model in (ActionArea, SubTheme, OrganisationType, TargetGroup, FundingInstrument):
        post_save.connect(clear_term_labels, sender=model)
    pre_save.connect(remember_status, sender=Organisation)
    post_save.connect(settle_proposal, sender=Organisation)
    post_save.connect(verify_command_line_superuser, sender=get_user_model())
