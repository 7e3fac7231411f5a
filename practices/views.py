"""Front-end submission for organisation members: write, save as draft, preview, submit for
review, see the status; and the contact form for a practice's owner."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.actions.delete_page import DeletePageAction
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page

from allauth.core import ratelimit
from anyascii import anyascii

from portal import emails
from portal.memberships import managers_of
from portal.models import CustomImage, Organisation
from portal.permissions import editors, is_editor, organisations_of
from portal.sanitize import clean_text

from . import permissions
from .models import PracticeAttachment, PracticeIndexPage, PracticeLink, PracticePage
from .moderation import review_state, submit_for_review
from .submission_forms import (
    M2M_FIELDS,
    MODEL_FIELDS,
    ContactForm,
    LinkFormSet,
    PracticeSubmissionForm,
)


def _practice(pk, model=PracticePage):
    return get_object_or_404(model.objects.select_related("organisation"), pk=pk)


def _submitted_pages(organisations):
    from agenda.models import EventPage

    for model, prefix in ((PracticePage, "practice"), (EventPage, "event")):
        pages = (
            model.objects.filter(organisation__in=organisations)
            .select_related("organisation", "latest_revision")
            .order_by("-latest_revision_created_at", "-pk")
        )
        for page in pages:
            yield prefix, page


@login_required
def my_submissions(request):
    """The member's organisations' practices and events, their review status and comments."""
    organisations = list(organisations_of(request.user))
    rows = []
    for prefix, page in _submitted_pages(organisations):
        status, label, comment = review_state(page)
        rows.append(
            {
                "page": page,
                "kind": page._meta.verbose_name,
                "title": page.draft_title,
                "status": status,
                "label": label,
                "comment": comment,
                "edit_url": reverse(f"{prefix}_edit", args=[page.pk])
                if permissions.can_edit(request.user, page)
                else "",
                "preview_url": reverse(f"{prefix}_preview", args=[page.pk]),
            }
        )
    return render(
        request,
        "practices/my_submissions.html",
        {
            "rows": rows,
            "organisations": organisations,
            "pending": request.user.memberships.pending().select_related("organisation"),
            "page_title": _("My submissions"),
        },
    )


def choose_organisation(request, title, join_message):
    """The organisation a new submission is for: the member's only one, the one chosen, or a
    page to choose (editors without a membership may choose any approved organisation)."""
    organisations = list(organisations_of(request.user))
    if is_editor(request.user) and not organisations:
        organisations = list(Organisation.objects.approved().default_locale())
    if not organisations:
        messages.info(request, join_message)
        return None, redirect("organisation_list")
    chosen = request.GET.get("organisation") or request.POST.get("organisation")
    organisation = next((o for o in organisations if str(o.pk) == chosen), None)
    if organisation is None and len(organisations) == 1:
        organisation = organisations[0]
    if organisation is None:
        return None, render(
            request,
            "practices/choose_organisation.html",
            {"organisations": organisations, "page_title": title},
        )
    return organisation, None


@login_required
def submit(request):
    """Start a new practice for one of the member's organisations."""
    organisation, response = choose_organisation(
        request,
        _("Submit a practice"),
        _("To submit a practice, first join your organisation (or propose it if it is new)."),
    )
    return response or _edit(request, None, organisation)


@login_required
def edit(request, pk):
    page = _practice(pk)
    if not permissions.can_preview(request.user, page):
        raise PermissionDenied
    if not permissions.can_edit(request.user, page):
        messages.info(
            request, _("An editor is reviewing this practice; you can edit it again afterwards.")
        )
        return redirect("my_submissions")
    return _edit(request, page, page.organisation)


def _initial(draft):
    initial = {name: getattr(draft, name) for name in MODEL_FIELDS if name not in M2M_FIELDS}
    for name in M2M_FIELDS:
        initial[name] = list(getattr(draft, name).all())
    if draft.image:
        initial["image_alt"] = draft.image.description
    return initial


def _edit(request, page, organisation):
    draft = page.get_latest_revision_as_object() if page else None
    language = page.locale.language_code if page else None
    if request.method == "POST":
        action = request.POST.get("action", "save")
        form = PracticeSubmissionForm(
            request.POST,
            request.FILES,
            organisation=organisation,
            draft=action != "submit",
            language=language,
        )
        links = LinkFormSet(request.POST, prefix="links")
        if form.is_valid() and links.is_valid():
            page = _save(request, page, draft, organisation, form, links)
            return after_save(request, page, action, "practice")
        messages.error(
            request,
            _("Please correct the errors below. Your changes have not been saved yet.")
            if action != "submit"
            else _(
                "Before it can be reviewed, the practice needs the fields marked below. "
                "Your changes have not been saved yet: correct them, or save a draft."
            ),
        )
    else:
        form = PracticeSubmissionForm(
            initial=_initial(draft) if draft else {"language": request.LANGUAGE_CODE},
            organisation=organisation,
            language=language,
        )
        link_initial = (
            [{"url": link.url, "title": link.title} for link in draft.links.all()] if draft else []
        )
        links = LinkFormSet(prefix="links", initial=link_initial)
    return render(
        request,
        "practices/submission_form.html",
        {
            "form": form,
            "links": links,
            "organisation": organisation,
            "practice": page,
            "draft": draft,
            "attachments": draft.attachments.all() if draft else [],
            "page_title": draft.title if draft else _("Submit a practice"),
        },
    )


def after_save(request, page, action, prefix):
    """Where a saved submission goes next: its preview, the review queue, or back to editing."""
    if action == "preview":
        return redirect(f"{prefix}_preview", pk=page.pk)
    if action == "submit":
        submit_for_review(page, request.user)
        messages.success(
            request,
            _("Thank you! “%(title)s” is now waiting for an editor's review.")
            % {"title": page.draft_title},
        )
        return redirect("my_submissions")
    messages.success(request, _("Your draft is saved."))
    return redirect(f"{prefix}_edit", pk=page.pk)


def unique_slug(parent, title, fallback):
    """A slug from the title, unique among the parent's children."""
    base = slugify(anyascii(title))[:70] or fallback
    siblings = Page.objects.child_of(parent)
    slug, number = base, 1
    while siblings.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def uploaded_image(data, user):
    """The image uploaded with a submission form, described by its alternative text."""
    return CustomImage.objects.create(
        title=data["image_alt"][:255],
        description=data["image_alt"],
        file=data["image"],
        uploaded_by_user=user,
        collection=Collection.get_first_root_node(),
    )


@transaction.atomic
def _save(request, page, draft, organisation, form, links):
    data = form.cleaned_data
    target = draft or PracticePage(organisation=organisation, owner=request.user, live=False)
    for name in MODEL_FIELDS:
        if name in M2M_FIELDS:
            continue
        if data[name] in (None, "") and not PracticePage._meta.get_field(name).blank:
            continue  # an incomplete draft keeps the current value (or the default)
        setattr(target, name, data[name])
    for name in M2M_FIELDS:
        setattr(target, name, list(data[name]))
    if data.get("remove_image"):
        target.image = None
    if data.get("image"):
        target.image = uploaded_image(data, request.user)
    elif target.image and data.get("image_alt"):
        target.image.description = data["image_alt"]
        target.image.save(update_fields=["description"])
    removed = {int(pk) for pk in request.POST.getlist("remove_attachment") if pk.isdigit()}
    attachments = [a for a in target.attachments.all() if a.document_id not in removed]
    if data.get("attachment"):
        document = get_document_model().objects.create(
            title=data.get("attachment_title") or data["attachment"].name,
            file=data["attachment"],
            uploaded_by_user=request.user,
            collection=Collection.get_first_root_node(),
        )
        attachments.append(PracticeAttachment(document=document))
    target.attachments = attachments
    target.links = [
        PracticeLink(url=link["url"], title=link["title"])
        for link in links.cleaned_data
        if link.get("url")
    ]
    if page is None:  # a new practice lives in the library of the language it is written in
        library = PracticeIndexPage.for_language(data["language"] or request.LANGUAGE_CODE)
        target.slug = unique_slug(library, target.title, "practice")
        library.add_child(instance=target)
        page = target
    # The form has validated what a draft needs; submitting validates everything.
    target.save_revision(user=request.user, log_action=True, clean=not form.draft)
    return page


@login_required
def preview(request, pk, model=PracticePage):
    """The latest draft, rendered like the public page, for its organisation and editors."""
    page = _practice(pk, model)
    if not permissions.can_preview(request.user, page):
        raise PermissionDenied
    draft = page.get_latest_revision_as_object()
    request.is_preview = True
    request.preview_mode = draft.default_preview_mode
    response = draft.serve_preview(request, draft.default_preview_mode)
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
def delete(request, pk, model=PracticePage):
    page = _practice(pk, model)
    if not permissions.can_delete(request.user, page):
        raise PermissionDenied
    if request.method == "POST":
        title = page.draft_title
        # Our own check above decides; Wagtail's action still writes the audit log entry.
        DeletePageAction(page, user=request.user).execute(skip_permission_checks=True)
        messages.success(request, _("“%(title)s” has been deleted.") % {"title": title})
        return redirect("my_submissions")
    return render(
        request,
        "practices/confirm_delete.html",
        {
            "practice": page,
            "cancel_url": reverse(
                "event_edit" if model is not PracticePage else "practice_edit", args=[page.pk]
            ),
            "page_title": _("Delete “%(title)s”?") % {"title": page.draft_title},
        },
    )


@login_required
def contact(request, pk):
    """Relay a message to the owning organisation's managers without showing their addresses."""
    page = _practice(pk)
    if not page.live:
        raise Http404
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not ratelimit.consume(request, action="contact_owner", user=request.user):
            messages.error(
                request,
                _("You have sent several messages recently. Please try again in an hour."),
            )
            return redirect(page.url + "#contact")
        recipients = managers_of(page.organisation) or list(editors())
        emails.send(
            "contact_owner",
            recipients,
            {
                "practice": page,
                "sender": request.user,
                "subject": clean_text(form.cleaned_data["subject"]),
                "message": clean_text(form.cleaned_data["message"]),
                "practice_url": emails.absolute(page.url),
            },
            reply_to=[request.user.email],
        )
        messages.success(
            request,
            _("Your message has been sent to %(organisation)s. They will reply to you by email.")
            % {"organisation": page.organisation.name},
        )
        return redirect(page.url)
    return render(
        request,
        "practices/contact.html",
        {"form": form, "practice": page, "page_title": _("Contact the organisation")},
    )
