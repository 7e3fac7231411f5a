"""Organisation members announce events the way they submit practices: a plain web form,
drafts, preview, and the same editorial review."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from practices import permissions
from practices.views import after_save, choose_organisation, unique_slug, uploaded_image

from .models import EventIndexPage, EventPage
from .submission_forms import M2M_FIELDS, MODEL_FIELDS, EventSubmissionForm


@login_required
def submit(request):
    organisation, response = choose_organisation(
        request, _("Announce an event"), _("To announce an event, first join your organisation.")
    )
    return response or _edit(request, None, organisation)


@login_required
def edit(request, pk):
    page = get_object_or_404(EventPage.objects.select_related("organisation"), pk=pk)
    if not permissions.can_preview(request.user, page):
        raise PermissionDenied
    if not permissions.can_edit(request.user, page):
        messages.info(
            request, _("An editor is reviewing this event; you can edit it again afterwards.")
        )
        return redirect("my_submissions")
    return _edit(request, page, page.organisation)


def _initial(draft):
    initial = {name: getattr(draft, name) for name in MODEL_FIELDS if name not in M2M_FIELDS}
    initial.update({name: list(getattr(draft, name).all()) for name in M2M_FIELDS})
    initial["body"] = draft.body
    if draft.image:
        initial["image_alt"] = draft.image.description
    return initial


def _edit(request, page, organisation):
    draft = page.get_latest_revision_as_object() if page else None
    if request.method == "POST":
        action = request.POST.get("action", "save")
        form = EventSubmissionForm(
            request.POST, request.FILES, organisation=organisation, draft=action != "submit"
        )
        if form.is_valid():
            page = _save(request, page, draft, organisation, form)
            return after_save(request, page, action, "event")
        messages.error(
            request, _("Please correct the errors below. Your changes have not been saved yet.")
        )
    else:
        form = EventSubmissionForm(
            initial=_initial(draft) if draft else {}, organisation=organisation
        )
    return render(
        request,
        "events/submission_form.html",
        {
            "form": form,
            "organisation": organisation,
            "event": page,
            "draft": draft,
            "page_title": draft.title if draft else _("Announce an event"),
        },
    )


@transaction.atomic
def _save(request, page, draft, organisation, form):
    data = form.cleaned_data
    target = draft or EventPage(organisation=organisation, owner=request.user, live=False)
    for name in MODEL_FIELDS:
        if name in M2M_FIELDS:
            setattr(target, name, list(data[name]))
        elif (
            data[name] not in (None, "")
            or EventPage._meta.get_field(name).blank
            or name in {"start_time", "end_time"}
        ):
            setattr(target, name, data[name])
    target.body = data.get("body") or ""
    if data.get("image"):
        target.image = uploaded_image(data, request.user)
    if page is None:
        listing = EventIndexPage.objects.filter(locale__language_code=request.LANGUAGE_CODE).first()
        listing = listing or EventIndexPage.objects.order_by("path").first()
        target.slug = unique_slug(listing, target.title, "event")
        listing.add_child(instance=target)
        page = target
    target.save_revision(user=request.user, log_action=True, clean=not form.draft)
    return page
