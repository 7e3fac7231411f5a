"""Requests between organisations about a practice: "Ask about adopting this" and "Request a
study visit", their answers, and what follows (visited, then adapted: a draft practice for the
adopter, linked "adapted from" the original, with its structure as a starting point).

Mail goes through `portal.emails` (a background task per recipient). Neither side sees the
other's addresses: the emails carry no reply-to and link to the request's page on the portal.
When the owning organisation has no manager, the portal's editors get the request to relay.
"""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal import emails
from portal.memberships import managers_of
from portal.permissions import editors, is_editor, is_manager, is_member
from submissions.saving import unique_slug

from .choices import AdoptionKind, RequestStatus
from .models import (
    BODY_SECTIONS,
    AdoptionRequest,
    AdoptionRequestEvent,
    PracticeAdoption,
    PracticeIndexPage,
    PracticePage,
)

# What may follow each status, and who takes the step: "owner" (the owning organisation's
# managers, or the editors relaying) or "requester" (the requesting organisation's members).
STEPS = {
    RequestStatus.PENDING: {RequestStatus.ACCEPTED: "owner", RequestStatus.DECLINED: "owner"},
    RequestStatus.ACCEPTED: {RequestStatus.VISITED: "requester"},
    RequestStatus.VISITED: {RequestStatus.ADAPTED: "requester"},
}
COPIED_TERMS = ("action_areas", "sub_themes", "target_groups")


class StepRefused(Exception):
    """This step cannot be taken now, by this person (the message says why)."""


def owner_side(request):
    """Who answers: the owning organisation's managers, else the editors (a relay)."""
    return managers_of(request.owner_organisation) or list(editors())


def requester_side(request):
    return [request.requester]


def may_answer(user, request):
    if is_manager(user, request.owner_organisation):
        return True
    return is_editor(user) and not managers_of(request.owner_organisation)


def may_follow_up(user, request):
    return user.pk == request.requester_id or is_member(user, request.requester_organisation)


def may_see(user, request):
    return (
        may_answer(user, request)
        or may_follow_up(user, request)
        or is_member(user, request.owner_organisation)
    )


def steps_for(user, request):
    """The statuses `user` may move the request to now."""
    allowed = {"owner": may_answer(user, request), "requester": may_follow_up(user, request)}
    return [status for status, side in STEPS.get(request.status, {}).items() if allowed[side]]


def _url(request):
    return emails.absolute(reverse("adoption_request_detail", args=[request.pk]))


@transaction.atomic
def send(user, organisation, practice, data):
    """Save the request and tell the owning side. Returns the request."""
    owners = managers_of(practice.organisation)
    request = AdoptionRequest.objects.create(
        practice=practice,
        owner_organisation=practice.organisation,
        requester=user,
        requester_organisation=organisation,
        relayed=not owners,
        **data,
    )
    AdoptionRequestEvent.objects.create(
        request=request, status=RequestStatus.PENDING, by=user, by_organisation=organisation
    )
    emails.send(
        "adoption_request_relay" if request.relayed else "adoption_request",
        owners or list(editors()),
        {"request": request, "request_url": _url(request)},
    )
    return request


@transaction.atomic
def take_step(request, user, status, message=""):
    """Move the request on (accept, decline, visited, adapted) and tell the other side."""
    if status not in steps_for(user, request):
        raise StepRefused(_("This step is not possible for this request now."))
    side = STEPS[request.status][status]
    if side == "owner":
        by_organisation = (
            request.owner_organisation if is_manager(user, request.owner_organisation) else None
        )
    else:
        by_organisation = request.requester_organisation
    request.status = status
    if status == RequestStatus.ADAPTED:
        request.draft = start_draft(request, user)
    request.save()
    AdoptionRequestEvent.objects.create(
        request=request, status=status, message=message, by=user, by_organisation=by_organisation
    )
    recipients = requester_side(request) if side == "owner" else owner_side(request)
    emails.send(
        "adoption_request_step",
        recipients,
        {"request": request, "message": message, "request_url": _url(request)},
    )
    return request


def start_draft(request, user):
    """A draft practice for the requesting organisation, linked "adapted from" the original,
    with its themes and section texts to start from."""
    original = request.practice
    library = PracticeIndexPage.for_language(original.locale.language_code)
    draft = PracticePage(
        title=original.title,
        summary=original.summary,
        organisation=request.requester_organisation,
        owner=user,
        live=False,
        start_date=None,
        implementation_level=original.implementation_level,
        **{name: getattr(original, name) for name, _heading in BODY_SECTIONS},
    )
    for name in COPIED_TERMS:
        setattr(draft, name, list(getattr(original, name).all()))
    draft.countries = [request.requester_organisation.country]
    draft.adapted_from = [PracticeAdoption(original=original, kind=AdoptionKind.ADAPTED_FROM)]
    draft.slug = unique_slug(library, draft.title, "practice")
    library.add_child(instance=draft)
    draft.save_revision(user=user, log_action=True, clean=False)
    return draft
