"""What a submittable page knows about its own front-end submission views."""

from django.urls import reverse

from . import registry


class SubmittablePageMixin:
    """For page classes members submit through the front end. The URL names come from the
    view family the page class is registered with (`submissions.registry.register`)."""

    def _submission_url(self, action):
        views = registry.for_model(type(self)).views
        return reverse(views.url_name(action), args=[self.pk])

    def get_edit_url(self):
        return self._submission_url("edit")

    def get_preview_url(self):
        return self._submission_url("preview")

    def get_submit_draft_url(self):
        return self._submission_url("submit_draft")

    def get_delete_url(self):
        return self._submission_url("delete")

    def get_withdraw_url(self):
        return self._submission_url("withdraw")
