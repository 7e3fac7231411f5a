"""The editors' views in the Wagtail admin: the review queue (everything waiting, oldest first)
and the translation status of every original page of the submittable types."""

from django.contrib.auth.mixins import UserPassesTestMixin
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from portal.models import Membership, Organisation, OrganisationStatus
from portal.permissions import is_editor

from . import documents, queue, registry
from .translation_status import LABELS, originals, status_by_language


class EditorsOnly(UserPassesTestMixin):
    raise_exception = True  # a signed-in non-editor gets 403, not a login loop

    def test_func(self):
        return is_editor(self.request.user)


class ReviewQueueView(EditorsOnly, TemplateView):
    """Everything waiting for an editor, oldest first: pages of every type, organisation
    proposals, requests to join organisations. Decisions on pages, proposals and requests
    made from here come back here (`back_to_the_queue_*`, and `next` on the members page)."""

    template_name = "submissions/admin/review_queue.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        back = "?" + urlencode({"next": reverse("review_queue")})
        items = []
        for state in queue.pages_waiting():
            obj = state.workflow_state.content_object
            page = getattr(obj, "specific", obj)
            items.append(
                {
                    "state": state,
                    "page": page,
                    "organisation": getattr(page, "organisation", None),
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]) + back,
                }
            )
        memberships = list(queue.membership_requests())
        managed = set(
            Membership.objects.managers()
            .filter(organisation__in={m.organisation_id for m in memberships})
            .values_list("organisation_id", flat=True)
        )
        context.update(
            {
                "items": items,
                "proposals": [
                    {
                        "organisation": organisation,
                        "edit_url": reverse(
                            "wagtailsnippets_portal_organisation:edit", args=[organisation.pk]
                        ),
                    }
                    for organisation in queue.organisation_proposals()
                ],
                "memberships": [
                    {
                        "membership": membership,
                        "has_managers": membership.organisation_id in managed,
                        "decide_url": reverse(
                            "organisation_members", args=[membership.organisation.slug]
                        )
                        + back,
                    }
                    for membership in memberships
                ],
                "header_title": _("Review queue"),
                "page_title": _("Review queue"),
                "header_icon": "tasks",
            }
        )
        return context


class TranslationStatusView(EditorsOnly, TemplateView):
    """Per page of one registered type: which languages are up to date, outdated (source
    changed since) or missing."""

    template_name = "submissions/admin/translation_status.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        current = registry.for_kind(self.request.GET.get("kind"))
        pages = current.model.objects.select_related("locale") if current else Page.objects.none()
        pages = originals(pages).order_by("title", "pk")
        page_obj = Paginator(pages, 25).get_page(self.request.GET.get("p"))
        rows = []
        for page in page_obj:
            statuses = status_by_language(page)
            grouped = {
                status: [code for code, s in statuses.items() if s == status] for status in LABELS
            }
            language = get_language_info(page.locale.language_code)["name_translated"]
            rows.append({"page": page, "language": language, "grouped": grouped})
        context.update(
            {
                "rows": rows,
                "page_obj": page_obj,
                "kinds": registry.submission_types(),
                "kind": current.kind if current else "",
                "labels": LABELS,
                "header_title": _("Translations"),
                "page_title": _("Translations"),
                "header_icon": "globe",
            }
        )
        return context


class EditorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


class ReviewQueueMenuItem(EditorMenuItem):
    """ "Review queue (3)": how many pages, proposals and requests wait."""

    def render_component(self, request):
        component = super().render_component(request)
        count = queue.waiting_count()
        if count:
            component.label = _("Review queue (%(count)s)") % {"count": count}
        return component


@hooks.register("after_edit_page")
def back_to_the_queue_after_a_review(request, page):
    """Approving or asking for changes takes the editor back to the queue."""
    action = request.POST.get("workflow-action-name")
    restarting = "action-restart-workflow" in request.POST or "action-cancel-workflow" in (
        request.POST
    )
    if action in {"approve", "reject"} and not restarting and is_editor(request.user):
        return redirect("review_queue")
    return None


@hooks.register("after_edit_snippet")
def back_to_the_queue_after_a_proposal(request, instance):
    """Approving or refusing an organisation proposal takes the editor back to the queue."""
    if (
        isinstance(instance, Organisation)
        and getattr(instance, "_previous_status", None) == OrganisationStatus.PROPOSED
        and instance.status != OrganisationStatus.PROPOSED
    ):
        return redirect("review_queue")
    return None


@hooks.register("register_admin_urls")
def register_editor_urls():
    return [
        path("review-queue/", ReviewQueueView.as_view(), name="review_queue"),
        path("translation-status/", TranslationStatusView.as_view(), name="translation_status"),
    ]


@hooks.register("register_admin_menu_item")
def register_review_queue_menu_item():
    return ReviewQueueMenuItem(
        _("Review queue"), reverse("review_queue"), icon_name="tasks", order=150
    )


@hooks.register("register_admin_menu_item")
def register_translation_status_menu_item():
    return EditorMenuItem(
        _("Translation status"), reverse("translation_status"), icon_name="globe", order=160
    )


@hooks.register("before_serve_document")
def serve_documents_only_to_their_readers(document, request):
    """A document of a draft or restricted page is not served to people who may not see the
    page: signed-out readers are asked to sign in, others get "not found"."""
    if documents.may_download(request, document):
        return None
    documents.logger.info("Refused document %s to user %s", document.pk, request.user.pk)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise Http404
