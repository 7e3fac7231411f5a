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


def connect():
    pre_save.connect(remember_status, sender=Organisation)
    post_save.connect(settle_proposal, sender=Organisation)
