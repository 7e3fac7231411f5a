"""The front-end form organisation members use to announce an event."""

from django.utils.translation import gettext_lazy as _

from portal.uploads import CheckedImageField
from submissions.forms import SanitisedRichText, SubmissionForm

from .forms import event_errors
from .models import EventPage

SECTIONS = [
    (_("The event in short"), ["title", "summary", "kind", "status"]),
    (_("When"), ["start_date", "start_time", "end_date", "end_time", "all_day", "timezone"]),
    (_("Where"), ["event_format", "venue", "address", "city", "country", "online_url"]),
    (
        _("Registration and cost"),
        ["registration_url", "registration_deadline", "is_free", "cost_note"],
    ),
    (
        _("Who and what"),
        [
            "co_organisers",
            "languages",
            "action_areas",
            "target_groups",
            "funding_instruments",
            "related_practices",
        ],
    ),
    (_("Description and image"), ["body", "image", "image_alt"]),
]
# What `event_errors` checks across fields.
CHECKED_FIELDS = [
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "all_day",
    "event_format",
    "online_url",
    "city",
    "country",
    "registration_deadline",
    "kind",
]


class EventSubmissionForm(SubmissionForm):
    """Every field of an event, in sections, for organisation members."""

    model = EventPage
    fieldsets = SECTIONS

    body = SanitisedRichText(label=_("Description"), required=False)
    image = CheckedImageField(label=_("Image"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        related = self.fields["related_practices"]
        related.queryset = related.queryset.listable().by_organisation(self.organisation)
        related.help_text = _("Your organisation's practices this event shows or discusses.")

    def clean(self):
        if self.cleaned_data.get("all_day"):  # an all-day event has no times
            self.cleaned_data["start_time"] = self.cleaned_data["end_time"] = None
        return super().clean()

    def cross_field_errors(self, cleaned):
        errors = event_errors(**{name: cleaned.get(name) for name in CHECKED_FIELDS})
        if self.draft:  # a draft may leave out what is still unknown
            errors = {k: v for k, v in errors.items() if cleaned.get(k) not in (None, "")}
        return errors
