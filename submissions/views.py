"""Front-end submission for organisation members: write, save as draft, preview, submit for
review, withdraw from review, delete. ("My submissions", where they see the status, is
`submissions.my_submissions`.)

One view family serves every submittable content type, as djangoproject.com's
`BlogViewMixin` serves every date-based view: a subclass of `SubmissionViews` per type names
its model, form, template and texts, and `urlpatterns()` makes its views.
"""

import logging

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from wagtail.actions.delete_page import DeletePageAction

from portal.models import Organisation
from portal.permissions import is_editor, organisations_of

from . import permissions
from .error_summary import error_summary
from .moderation import review_state, submit_for_review, withdraw
from .saving import save_attachments, save_image, unique_slug

logger = logging.getLogger(__name__)


class SubmissionViews(LoginRequiredMixin, View):
    """What the views of one content type share. Per type, a subclass names:"""

    model = None  # the page class, registered with `submissions.registry`
    form_class = None  # a `submissions.forms.SubmissionForm`
    formsets = {}  # child relation name: its `submissions.forms.ChildFormSet`
    template_name = None  # the submission form
    context_object_name = None  # the page's name in that template, e.g. "practice"
    name = None  # URL names are "<name>_submit", "<name>_edit"…; new pages' slug fallback
    route = None  # where its URLs start, e.g. "my/practices/"
    # Texts
    submit_title = None  # "Submit a practice"
    join_message = None  # for a member of no organisation
    in_review_message = None  # why they cannot edit now
    invalid_message = gettext_lazy(
        "Please correct the errors below. Your changes have not been saved yet."
    )
    incomplete_message = invalid_message  # when a submission lacks what a review needs

    @classmethod
    def url_name(cls, action):
        return f"{cls.name}_{action}"

    @classmethod
    def urlpatterns(cls):
        """This type's views, each made of this class and one action's view."""
        actions = [
            ("new/", "submit", SubmitView),
            ("<int:pk>/edit/", "edit", EditView),
            ("<int:pk>/preview/", "preview", PreviewView),
            ("<int:pk>/submit/", "submit_draft", SubmitDraftView),
            ("<int:pk>/delete/", "delete", DeleteView),
            ("<int:pk>/withdraw/", "withdraw", WithdrawView),
        ]
        return [
            path(
                cls.route + route,
                type(f"{cls.__name__}{view.__name__}", (cls, view), {}).as_view(),
                name=cls.url_name(action),
            )
            for route, action, view in actions
        ]

    def get_page(self):
        queryset = self.model.objects.select_related("organisation")
        return get_object_or_404(queryset, pk=self.kwargs["pk"])

    def get_parent(self, data):
        """Where a new page goes, from the form's cleaned data; for subclasses."""
        raise NotImplementedError

    def cannot_preview(self, draft):
        """Why a draft cannot be shown as its page yet (what it lacks), or ""; for subclasses."""
        return ""


class SubmissionFormView(SubmissionViews):
    """The form, for a new page (`page` None) or the latest draft of an existing one."""

    def editable_page(self):
        """The page, if the user may change it now; None (with a message) while they may
        only look at it (in review)."""
        page = self.get_page()
        if not permissions.can_preview(self.request.user, page):
            raise PermissionDenied
        if not permissions.can_edit(self.request.user, page):
            messages.info(self.request, self.in_review_message)
            return None
        return page

    def render_form(self, page, organisation, data=None):
        """`data`: what is posted, unless given (a saved draft sent for review as it is)."""
        request = self.request
        draft = page.get_latest_revision_as_object() if page else None
        form_kwargs = {
            "organisation": organisation,
            "language": page.locale.language_code if page else None,
            "user": request.user,
            "image": getattr(draft, "image", None),
        }
        error_intro = ""
        if request.method == "POST":
            data = request.POST if data is None else data
            action = data.get("action", "save")
            form = self.form_class(data, request.FILES, draft=action != "submit", **form_kwargs)
            formsets = {name: fs(data, prefix=name) for name, fs in self.formsets.items()}
            if form.is_valid() and all(formset.is_valid() for formset in formsets.values()):
                try:
                    saved = self.save(page, draft, organisation, form, formsets)
                except ValidationError as error:  # the page's own checks; nothing was saved
                    logger.info("Submission of %s refused by the model: %s", self.name, error)
                    form.add_model_errors(error)
                else:
                    return self.after_save(saved, action)
            error_intro = self.incomplete_message if action == "submit" else self.invalid_message
        else:
            initial = (
                self.form_class.initial_from(draft)
                if draft
                else {"language": request.LANGUAGE_CODE}
            )
            form = self.form_class(initial=initial, **form_kwargs)
            formsets = {
                name: fs(prefix=name, initial=fs.initial_for(getattr(draft, name).all()))
                if draft
                else fs(prefix=name, initial=[])
                for name, fs in self.formsets.items()
            }
        errors = error_summary(form, formsets.values())
        has_documents = draft is not None and "attachment" in form.fields
        status, _label, comment = review_state(page) if page else ("draft", "", "")
        context = {
            # An editor asked for changes: what they said, at the top of the form.
            "changes_requested": status == "needs_changes",
            "editor_comment": comment if status == "needs_changes" else "",
            "form": form,
            **formsets,
            "organisation": organisation,
            self.context_object_name: page,
            "draft": draft,
            "attachments": draft.attachments.all() if has_documents else [],
            "delete_url": page.get_delete_url() if page and not page.live else "",
            "error_summary": errors,
            "error_intro": error_intro if errors else "",
            "page_title": draft.title if draft else self.submit_title,
        }
        if errors:  # the title says so first, as screen readers announce it
            context["page_title"] = _("Error: %(title)s") % {"title": context["page_title"]}
        return render(request, self.template_name, context)

    @transaction.atomic
    def save(self, page, draft, organisation, form, formsets):
        user = self.request.user
        target = draft or self.model(organisation=organisation, owner=user, live=False)
        form.copy_to(target)
        save_image(target, form.cleaned_data, user)
        if "attachment" in form.fields:
            removed = self.request.POST.getlist("remove_attachment")
            save_attachments(target, form.cleaned_data, removed, user)
        for name, formset in formsets.items():
            setattr(target, name, formset.instances(target._meta.get_field(name).related_model))
        if page is None:
            parent = self.get_parent(form.cleaned_data)
            target.slug = unique_slug(parent, target.title, self.name)
            parent.add_child(instance=target)
            page = target
        # The form has validated what a draft needs; submitting validates everything.
        target.save_revision(user=user, log_action=True, clean=not form.draft)
        return page

    def after_save(self, page, action):
        """Where a saved page goes next: its preview, the review queue, or back to editing."""
        if action == "preview":
            return redirect(page.get_preview_url())
        if action == "submit":
            submit_for_review(page, self.request.user)
            messages.success(
                self.request,
                _("Thank you! “%(title)s” is now waiting for an editor's review.")
                % {"title": page.draft_title},
            )
            return redirect("my_submissions")
        messages.success(self.request, _("Your draft is saved."))
        return redirect(page.get_edit_url())


class SubmitView(SubmissionFormView):
    """Start a new page for one of the member's organisations."""

    def get(self, request):
        organisation, response = self.choose_organisation()
        return response or self.render_form(None, organisation)

    post = get

    def choose_organisation(self):
        """The member's only organisation, the one chosen, or a page to choose (editors
        without a membership may choose any approved organisation)."""
        request = self.request
        organisations = list(organisations_of(request.user))
        if is_editor(request.user) and not organisations:
            organisations = list(Organisation.objects.approved().default_locale())
        if not organisations:
            messages.info(request, self.join_message)
            return None, redirect("organisation_list")
        chosen = request.GET.get("organisation") or request.POST.get("organisation")
        organisation = next((o for o in organisations if str(o.pk) == chosen), None)
        if organisation is None and len(organisations) == 1:
            organisation = organisations[0]
        if organisation is None:
            return None, render(
                request,
                "submissions/choose_organisation.html",
                {"organisations": organisations, "page_title": self.submit_title},
            )
        return organisation, None


class EditView(SubmissionFormView):
    def get(self, request, pk):
        page = self.editable_page()
        if page is None:
            return redirect("my_submissions")
        return self.render_form(page, page.organisation)

    post = get


class PreviewView(SubmissionViews):
    """The latest draft, rendered like the public page, for its organisation and editors."""

    def get(self, request, pk):
        page = self.get_page()
        if not permissions.can_preview(request.user, page):
            raise PermissionDenied
        draft = page.get_latest_revision_as_object()
        missing = self.cannot_preview(draft)
        if missing:
            messages.info(request, missing)
            return redirect(page.get_edit_url())
        request.is_preview = True
        request.preview_actions = self.actions(page)
        request.preview_mode = draft.default_preview_mode
        response = draft.serve_preview(request, draft.default_preview_mode)
        response["X-Robots-Tag"] = "noindex"
        return response

    def actions(self, page):
        """What the person previewing may do next, for the preview's banner: edit the draft,
        send it for review, or take it back out of review."""
        user = self.request.user
        status, label, _comment = review_state(page)
        editable = permissions.can_edit(user, page)
        return {
            "label": label,
            "edit_url": page.get_edit_url() if editable else "",
            "submit_url": page.get_submit_draft_url()
            if editable and status != "in_review" and status != "live"
            else "",
            "withdraw_url": page.get_withdraw_url()
            if status == "in_review" and permissions.can_withdraw(user, page)
            else "",
        }


class SubmitDraftView(SubmissionFormView):
    """Send the saved draft for review as it is (the preview's "Submit for review"): it is
    checked as the form checks a submission, and when something is missing the form opens
    with the errors."""

    http_method_names = ["post"]

    def post(self, request, pk):
        page = self.editable_page()
        if page is None:
            return redirect("my_submissions")
        draft = page.get_latest_revision_as_object()
        return self.render_form(page, page.organisation, data=self.draft_data(draft))

    def draft_data(self, draft):
        """The draft as the form would post it, with "submit" as the action."""
        form = self.form_class(
            initial=self.form_class.initial_from(draft),
            organisation=draft.organisation,
            language=draft.locale.language_code,
            user=self.request.user,
        )
        data = QueryDict(mutable=True)
        forms = [form]
        for name, formset_class in self.formsets.items():
            formset = formset_class(
                prefix=name, initial=formset_class.initial_for(getattr(draft, name).all())
            )
            forms += [formset.management_form, *formset.forms]
        for each in forms:
            for field in each:
                value = field.value()
                if value is None or value is False:
                    continue
                if isinstance(value, list | tuple):
                    data.setlist(field.html_name, [str(v) for v in value])
                else:
                    data[field.html_name] = "on" if value is True else str(value)
        data["action"] = "submit"
        return data


class DeleteView(SubmissionViews):
    def get_page(self):
        page = super().get_page()
        if not permissions.can_delete(self.request.user, page):
            raise PermissionDenied
        return page

    def get(self, request, pk):
        page = self.get_page()
        return render(
            request,
            "submissions/confirm_delete.html",
            {
                "submission": page,
                "cancel_url": page.get_edit_url(),
                "page_title": _("Delete “%(title)s”?") % {"title": page.draft_title},
            },
        )

    def post(self, request, pk):
        page = self.get_page()
        title = page.draft_title
        # Our own check above decides; Wagtail's action still writes the audit log entry.
        DeletePageAction(page, user=request.user).execute(skip_permission_checks=True)
        messages.success(request, _("“%(title)s” has been deleted.") % {"title": title})
        return redirect("my_submissions")


class WithdrawView(SubmissionViews):
    """Take a page out of review (a POST from "My submissions"): it is a draft again."""

    http_method_names = ["post"]

    def post(self, request, pk):
        page = self.get_page()
        if not permissions.can_withdraw(request.user, page):
            raise PermissionDenied
        withdraw(page, request.user)
        messages.success(
            request,
            _("“%(title)s” is no longer in review: it is a draft again.")
            % {"title": page.draft_title},
        )
        return redirect("my_submissions")
