"""What waits for an editor: submitted pages, organisation proposals and requests to join
organisations; read by the review queue and the count beside it in the admin menu."""

from wagtail.models import TaskState

from portal.models import Membership, Organisation, OrganisationStatus


def pages_waiting():
    """Task states of pages in review, oldest first."""
    return (
        TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS)
        .select_related("workflow_state__requested_by", "task")
        .order_by("started_at")
    )


def organisation_proposals():
    """Organisations members proposed, oldest first (their canonical rows)."""
    return (
        Organisation.objects.filter(status=OrganisationStatus.PROPOSED)
        .default_locale()
        .select_related("proposed_by", "country", "organisation_type")
        .order_by("pk")
    )


def membership_requests():
    """Requests to join approved organisations, oldest first. (A proposer's own membership is
    settled with the proposal.)"""
    return (
        Membership.objects.pending()
        .filter(organisation__status=OrganisationStatus.APPROVED)
        .select_related("user", "organisation")
        .order_by("created_at", "pk")
    )


def waiting_count():
    return (
        pages_waiting().count() + organisation_proposals().count() + membership_requests().count()
    )
