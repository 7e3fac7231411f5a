"""'My submissions': the member's organisations' pages of every registered type."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from portal.models import OrganisationStatus
from portal.permissions import is_editor, organisations_of

from . import permissions, registry
from .moderation import review_state


class MySubmissionsView(LoginRequiredMixin, TemplateView):
    """The member's organisations' pages of every registered type, their review status and
    the editors' comments; each page's translations grouped under it, with their language;
    the organisations they asked to join or proposed."""

    template_name = "submissions/my_submissions.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        organisations = list(organisations_of(user))
        types = registry.submission_types()
        pending = list(user.memberships.pending().select_related("organisation"))
        return super().get_context_data(
            groups=[
                [self.row(page) for page in group]
                for entry in types
                for group in self.grouped(self.pages(entry, organisations))
            ],
            new_links=[
                (reverse(entry.views.url_name("submit")), entry.views.submit_title)
                for entry in types
            ],
            organisations=organisations,
            pending=[m for m in pending if m.organisation.is_approved],
            proposals=[
                m.organisation
                for m in pending
                if m.organisation.status == OrganisationStatus.PROPOSED
                and m.organisation.proposed_by_id == user.pk
            ],
            review_queue_url=reverse("review_queue") if is_editor(user) else "",
            page_title=_("My submissions"),
            **kwargs,
        )

    @staticmethod
    def pages(entry, organisations):
        return (
            entry.model.objects.filter(organisation__in=organisations)
            .select_related("organisation", "latest_revision", "locale")
            .order_by("-latest_revision_created_at", "-pk")
        )

    @staticmethod
    def grouped(pages):
        """The pages by translation group, most recently changed group first; in each, the
        original (the first created) and then its translations by language."""
        groups = {}
        for page in pages:
            groups.setdefault(page.translation_key, []).append(page)
        return [
            sorted(group, key=lambda p: (p.pk != min(q.pk for q in group), p.locale.language_code))
            for group in groups.values()
        ]

    def row(self, page):
        user = self.request.user
        status, label, comment = review_state(page)
        withdrawable = status == "in_review" and permissions.can_withdraw(user, page)
        return {
            "page": page,
            "kind": page._meta.verbose_name,
            "title": page.draft_title,
            "language": page.locale.language_code,
            "status": status,
            "label": label,
            "comment": comment,
            "edit_url": page.get_edit_url() if permissions.can_edit(user, page) else "",
            "preview_url": page.get_preview_url(),
            "withdraw_url": page.get_withdraw_url() if withdrawable else "",
        }
