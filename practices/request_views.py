"""Requests between organisations: sending one from a practice page, "My requests" (both
sides' requests and their history), and each step of a request."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from allauth.core import ratelimit

from portal.memberships import managers_of
from portal.permissions import is_editor, organisations_of
from portal.sanitize import clean_text

from . import adoption_requests as service
from .choices import RequestKind, RequestStatus
from .models import AdoptionRequest, PracticePage
from .request_forms import AdoptionRequestForm, StepForm

STEP_LABELS = {
    RequestStatus.ACCEPTED: gettext_lazy("Accept"),
    RequestStatus.DECLINED: gettext_lazy("Decline"),
    RequestStatus.VISITED: gettext_lazy("Mark as visited"),
    RequestStatus.ADAPTED: gettext_lazy("Mark as adapted and start our practice"),
}


@login_required
def request_create(request, pk):
    """The form from a practice page: for a member of another organisation than its owner."""
    page = get_object_or_404(PracticePage.objects.listable().select_related("organisation"), pk=pk)
    organisations = organisations_of(request.user).exclude(pk=page.organisation_id)
    if not organisations.exists():
        messages.info(
            request,
            _("To send a request, first join your organisation (it must not own this practice)."),
        )
        return redirect(page.url)
    kind = request.GET.get("kind")
    initial = {"kind": kind if kind in RequestKind.values else RequestKind.QUESTION}
    form = AdoptionRequestForm(request.POST or None, initial=initial, organisations=organisations)
    has_managers = bool(managers_of(page.organisation))
    if request.method == "POST" and form.is_valid():
        if not ratelimit.consume(request, action="adoption_request", user=request.user):
            messages.error(
                request,
                _(
                    "You have sent several requests recently. Please try again in an hour; "
                    "what you wrote is still in the form."
                ),
            )
        else:
            data = {
                name: form.cleaned_data[name] for name in ("kind", "date_from", "date_to", "people")
            }
            data["purpose"] = clean_text(form.cleaned_data["purpose"])
            data["languages"] = clean_text(form.cleaned_data["languages"])
            sent = service.send(request.user, form.cleaned_data["organisation"], page, data)
            if sent.relayed:
                text = _(
                    "%(organisation)s has no manager on the portal yet, so your request has "
                    "been sent to the portal's editors. They will pass it on if they can; "
                    "you will see their answer here."
                )
            else:
                text = _(
                    "Your request has been sent to the managers of %(organisation)s. You will "
                    "get an email when they answer."
                )
            messages.success(request, text % {"organisation": page.organisation.name})
            return redirect("adoption_request_detail", pk=sent.pk)
    return render(
        request,
        "practices/adoption_request_form.html",
        {
            "form": form,
            "practice": page,
            "has_managers": has_managers,
            "page_title": _("Ask about adopting this"),
        },
    )


def _visible(user):
    """The requests `user` takes part in: sent by or to their organisations (to editors too,
    the relayed ones of organisations with no manager)."""
    organisations = organisations_of(user)
    condition = Q(requester=user) | Q(requester_organisation__in=organisations)
    condition |= Q(owner_organisation__in=organisations)
    if is_editor(user):
        condition |= Q(relayed=True)
    return AdoptionRequest.objects.filter(condition).select_related(
        "practice", "owner_organisation", "requester_organisation"
    )


@login_required
def my_requests(request):
    requests = list(_visible(request.user).distinct())
    mine = {org.pk for org in organisations_of(request.user)}
    sent = [
        r
        for r in requests
        if r.requester_id == request.user.pk or r.requester_organisation_id in mine
    ]
    received = [r for r in requests if r not in sent]
    return render(
        request,
        "practices/my_requests.html",
        {"sent": sent, "received": received, "page_title": _("My requests")},
    )


def _request_for(user, pk):
    found = get_object_or_404(
        AdoptionRequest.objects.select_related(
            "practice", "owner_organisation", "requester_organisation", "draft"
        ),
        pk=pk,
    )
    if not service.may_see(user, found):
        raise Http404
    return found


@login_required
def request_detail(request, pk):
    found = _request_for(request.user, pk)
    steps = service.steps_for(request.user, found)
    return render(
        request,
        "practices/adoption_request_detail.html",
        {
            "adoption_request": found,
            "events": found.events.select_related("by_organisation"),
            "steps": [(step, STEP_LABELS[step]) for step in steps],
            "message_fields": [StepForm(steps=steps)["message"]],
            "site_name": settings.WAGTAIL_SITE_NAME,
            "page_title": found.practice.title,
        },
    )


@login_required
@require_POST
def request_step(request, pk):
    found = _request_for(request.user, pk)
    form = StepForm(request.POST, steps=service.steps_for(request.user, found))
    if not form.is_valid():
        problems = form.errors.get("message") or [
            _("This step is not possible for this request now.")
        ]
        messages.error(request, " ".join(problems))
        return redirect("adoption_request_detail", pk=found.pk)
    try:
        service.take_step(
            found,
            request.user,
            form.cleaned_data["status"],
            clean_text(form.cleaned_data["message"]),
        )
    except service.StepRefused as refused:  # answered meanwhile, in another tab
        messages.error(request, str(refused))
        return redirect("adoption_request_detail", pk=found.pk)
    if found.status == RequestStatus.ADAPTED and found.draft:
        messages.success(
            request,
            _(
                "A draft of your practice has been started from the original: adapt it to your "
                "place, then submit it for review."
            ),
        )
        return redirect(found.draft.get_edit_url())
    messages.success(request, _("Saved. The other organisation has been told by email."))
    return redirect("adoption_request_detail", pk=found.pk)
