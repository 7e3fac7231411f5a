"""'My submissions': the member's organisations' pages of every registered type."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from portal.permissions import organisations_of

from . import permissions, registry
from .moderation import review_state


class MySubmissionsView(LoginRequiredMixin, TemplateView):
    """The member's organisations' pages of every registered type, their review status and
    the editors' comments."""

    template_name = "submissions/my_submissions.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        organisations = list(organisations_of(user))
        types = registry.submission_types()
        return super().get_context_data(
            rows=[self.row(page) for entry in types for page in self.pages(entry, organisations)],
            new_links=[
                (reverse(entry.views.url_name("submit")), entry.views.submit_title)
                for entry in types
            ],
            organisations=organisations,
            pending=user.memberships.pending().select_related("organisation"),
            page_title=_("My submissions"),
            **kwargs,
        )

    @staticmethod
    def pages(entry, organisations):
        return (
            entry.model.objects.filter(organisation__in=organisations)
            .select_related("organisation", "latest_revision")
            .order_by("-latest_revision_created_at", "-pk")
        )

    def row(self, page):
        user = self.request.user
        status, label, comment = review_state(page)
        withdrawable = status == "in_review" and permissions.can_withdraw(user, page)
        return {
            "page": page,
            "kind": page._meta.verbose_name,
            "title": page.draft_title,
            "status": status,
            "label": label,
            "comment": comment,
            "edit_url": page.get_edit_url() if permissions.can_edit(user, page) else "",
            "preview_url": page.get_preview_url(),
            "withdraw_url": page.get_withdraw_url() if withdrawable else "",
        }
