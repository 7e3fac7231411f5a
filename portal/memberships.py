"""Joining organisations and proposing new ones: the steps, their checks and their emails."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from anyascii import anyascii

from portal import emails
from portal.models import Membership, Organisation, OrganisationStatus
from portal.permissions import editors


def managers_of(organisation):
    return [m.user for m in organisation.memberships.managers().select_related("user")]


def request_membership(user, organisation, message=""):
    """Ask to join; managers (or editors, if there are none) are told. Returns the membership."""
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"message": message}
    )
    if not created and membership.status == Membership.Status.REFUSED:
        membership.status = Membership.Status.PENDING
        membership.message = message
        membership.save(update_fields=["status", "message"])
        created = True
    if created:
        deciders = managers_of(organisation) or list(editors())
        emails.send(
            "membership_requested",
            deciders,
            {
                "membership": membership,
                "manage_url": emails.absolute(
                    reverse("organisation_members", kwargs={"slug": organisation.slug})
                ),
            },
        )
    return membership


def decide_membership(membership, decided_by, accept, role=None):
    membership.status = Membership.Status.ACTIVE if accept else Membership.Status.REFUSED
    if role:
        membership.role = role
    membership.decided_by = decided_by
    membership.decided_at = timezone.now()
    membership.save()
    emails.send(
        "membership_decided",
        [membership.user],
        {
            "membership": membership,
            "accepted": accept,
            "submit_url": emails.absolute(reverse("practice_submit")),
        },
    )


def unique_slug(name):
    base = slugify(anyascii(name))[:100] or "organisation"
    slug, number = base, 1
    while Organisation.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def propose_organisation(user, organisation):
    """Save a proposed organisation (hidden) with its proposer as future manager."""
    organisation.status = OrganisationStatus.PROPOSED
    organisation.proposed_by = user
    organisation.slug = unique_slug(organisation.name)
    organisation.save()
    Membership.objects.create(user=user, organisation=organisation, role=Membership.Role.MANAGER)
    emails.send(
        "organisation_proposed",
        editors(),
        {
            "organisation": organisation,
            "proposer": user,
            "review_url": emails.absolute(
                reverse("wagtailsnippets_portal_organisation:edit", args=[organisation.pk])
            ),
        },
    )
    return organisation


def organisation_status_changed(organisation, previous_status, decided_by=None):
    """When an editor approves or rejects a proposal, settle the proposer's membership."""
    if previous_status != OrganisationStatus.PROPOSED or organisation.status == previous_status:
        return
    accepted = organisation.status == OrganisationStatus.APPROVED
    for membership in organisation.memberships.pending().filter(role=Membership.Role.MANAGER):
        membership.status = Membership.Status.ACTIVE if accepted else Membership.Status.REFUSED
        membership.decided_by = decided_by
        membership.decided_at = timezone.now()
        membership.save()
        emails.send(
            "organisation_decided",
            [membership.user],
            {
                "organisation": organisation,
                "accepted": accepted,
                "profile_url": emails.absolute(organisation.get_absolute_url()),
            },
        )
