"""Moderation glue: submitting pages to the "Editorial review" workflow, reading their state,
telling submitters and organisation managers about every transition, and reviewers about every
submission."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask, TaskState, WorkflowState
from wagtail.signals import (
    task_submitted,
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
    `workflow_cancelled`, which tells the submitter and the organisation's managers; the
    reviewers, who were told of the submission, are told it is no longer waiting for them."""
    state = page.current_workflow_state
    task = state.current_task_state.task.specific if state.current_task_state_id else None
    told = list(reviewers_of(task, exclude=user)) if task else []
    state.cancel(user=user)
    emails.send(
        "review_withdrawn",
        told,
        {
            "page": page,
            "actor": user,
            "queue_url": emails.absolute(reverse("review_queue")),
        },
    )


TRANSITIONS = {
    "submitted": (workflow_submitted, "review_submitted"),
    "approved": (workflow_approved, "review_approved"),
    "rejected": (workflow_rejected, "review_changes_requested"),
    "cancelled": (workflow_cancelled, "review_cancelled"),
}
# wagtail.admin.signal_handlers connects its own emails for the same events under these
# dispatch_uids: a second email to the submitter ("has been rejected", links to an admin they
# cannot open) and two to every superuser. Ours replace them (see `connect`).
WAGTAIL_NOTIFIERS = {
    "submitted": "workflow_state_submitted_email_notification",
    "approved": "workflow_state_approved_email_notification",
    "rejected": "workflow_state_rejected_email_notification",
}
WAGTAIL_TASK_NOTIFIER = "group_approval_task_submitted_email_notification"


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


def reviewers_of(task, exclude=None):
    """Who reviews a task's pages: the members of its groups, and superusers, except `exclude`
    and those who turned these emails off in their admin account settings."""
    if not isinstance(task, AbstractGroupApprovalTask):
        return get_user_model().objects.none()
    reviewers = get_user_model().objects.filter(
        Q(groups__in=task.groups.all()) | Q(is_superuser=True),
        # The "submitted" preference of their admin account settings, on unless turned off.
        Q(wagtail_userprofile__isnull=True) | Q(wagtail_userprofile__submitted_notifications=True),
        is_active=True,
    )
    if exclude is not None:
        reviewers = reviewers.exclude(pk=exclude.pk)
    return reviewers.distinct()


def notify_reviewers(sender, instance, user=None, **kwargs):
    """One email per submission (and resubmission) to each reviewer of the task: the members of
    its groups, and superusers, except whoever submitted it and those who turned these emails
    off in their admin account settings."""
    task = instance.task.specific
    if not isinstance(task, AbstractGroupApprovalTask):
        return
    page = instance.workflow_state.content_object
    page = getattr(page, "specific", page)
    emails.send(
        "review_requested",
        reviewers_of(task, exclude=user),
        {
            "page": page,
            "submitter": instance.workflow_state.requested_by or user,
            "review_url": emails.absolute(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        },
    )


_handlers = []


def connect():
    """Connect our emails, and keep Wagtail's out: theirs are disconnected if wagtail.admin is
    ready already, and ours take their dispatch_uids, so that wagtail.admin's own `ready()` (it
    comes after this app in INSTALLED_APPS) connects nothing for them."""
    for name, (signal, template) in TRANSITIONS.items():
        handler = _notify(template)
        _handlers.append(handler)  # keep a strong reference
        uid = WAGTAIL_NOTIFIERS.get(name, f"integra_{template}")
        signal.disconnect(sender=WorkflowState, dispatch_uid=uid)
        signal.connect(handler, sender=WorkflowState, dispatch_uid=uid)
    task_submitted.disconnect(sender=TaskState, dispatch_uid=WAGTAIL_TASK_NOTIFIER)
    task_submitted.connect(notify_reviewers, sender=TaskState, dispatch_uid=WAGTAIL_TASK_NOTIFIER)
