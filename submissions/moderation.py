"""Moderation glue: submitting pages to the "Editorial review" workflow, reading their state,
and telling submitters and organisation managers about every transition."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import TaskState, WorkflowState
from wagtail.signals import (
    workflow_approved,
    workflow_cancelled,
    workflow_rejected,
    workflow_submitted,
)

from portal import emails
from portal.memberships import managers_of

STATUS_LABELS = {
    "draft": _("Draft"),
    "in_review": _("In review"),
    "needs_changes": _("Changes requested"),
    "live": _("Published"),
    "live_draft": _("Published, with unsubmitted changes"),
}


def review_state(page):
    """(status code, label, latest reviewer comment) as a submitter should understand them."""
    workflow_state = (
        WorkflowState.objects.for_instance(page).order_by("-created_at").first()
        if page.pk
        else None
    )
    comment = ""
    if workflow_state:
        commented = (
            TaskState.objects.filter(workflow_state=workflow_state)
            .exclude(comment="")
            .order_by("-finished_at", "-started_at")
            .first()
        )
        comment = commented.comment if commented else ""
    if workflow_state and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        status = "in_review"
    elif workflow_state and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        status = "needs_changes"
    elif page.live:
        status = "live_draft" if page.has_unpublished_changes else "live"
    else:
        status = "draft"
    return status, STATUS_LABELS[status], comment


def submit_for_review(page, user):
    """Start the page's workflow on its latest revision (a new one is saved if needed)."""
    if page.latest_revision is None:
        page.save_revision(user=user, log_action=True)
    workflow = page.get_workflow()
    current = page.current_workflow_state
    if current and current.status == WorkflowState.STATUS_NEEDS_CHANGES:
        current.cancel(user=user)
    return workflow.start(page, user)


def withdraw(page, user):
    """Take the page out of review, back to a draft. Wagtail logs the cancellation and sends
    `workflow_cancelled`, which tells the submitter and the organisation's managers."""
    page.current_workflow_state.cancel(user=user)


TRANSITIONS = {
    "submitted": (workflow_submitted, "review_submitted"),
    "approved": (workflow_approved, "review_approved"),
    "rejected": (workflow_rejected, "review_changes_requested"),
    "cancelled": (workflow_cancelled, "review_cancelled"),
}


def _notify(template):
    def handler(sender, instance, user=None, **kwargs):
        page = instance.content_object
        page = getattr(page, "specific", page)
        organisation = getattr(page, "organisation", None)
        recipients = [instance.requested_by] + (managers_of(organisation) if organisation else [])
        comment = ""
        if instance.current_task_state_id:
            comment = instance.current_task_state.comment
        emails.send(
            template,
            [r for r in recipients if r and r.is_active],
            {
                "page": page,
                "actor": user,
                "comment": comment,
                "page_url": emails.absolute(page.url or "/") if page.live else "",
                "submissions_url": emails.absolute(reverse("my_submissions")),
            },
        )

    handler.__name__ = f"notify_{template}"
    return handler


_handlers = []


def connect():
    for signal, template in TRANSITIONS.values():
        handler = _notify(template)
        _handlers.append(handler)  # keep a strong reference
        signal.connect(handler, sender=WorkflowState)
