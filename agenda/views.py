"""Organisation members announce events the way they submit practices: the editorial app's
view family, named for events."""

from django.utils.translation import gettext_lazy as _

from submissions.views import SubmissionViews

from .models import EventIndexPage, EventPage
from .submission_forms import EventSubmissionForm


class EventSubmissionViews(SubmissionViews):
    model = EventPage
    form_class = EventSubmissionForm
    template_name = "events/submission_form.html"
    context_object_name = "event"
    name = "event"
    route = "my/events/"
    submit_title = _("Announce an event")
    join_message = _("To announce an event, first join your organisation.")
    in_review_message = _("An editor is reviewing this event; you can edit it again afterwards.")

    def cannot_preview(self, draft):
        if draft.start_date is None or draft.end_date is None:
            return _("Give the event's start and end dates to preview it.")
        return ""

    def get_parent(self, data):
        """The events page in the reader's language, or the first one."""
        listing = EventIndexPage.objects.filter(
            locale__language_code=self.request.LANGUAGE_CODE
        ).first()
        return listing or EventIndexPage.objects.order_by("path").first()
