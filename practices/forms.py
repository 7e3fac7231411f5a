"""Validation shared by every form that edits a practice, and the admin's page form."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from .choices import Continuation

REQUIRED_MESSAGES = {
    "action_areas": _("Choose at least one action area."),
    "countries": _("Choose at least one country."),
    "organisation": _("Choose the organisation that owns this practice."),
    "summary": _("Write a one-paragraph summary."),
    "start_date": _("Give the date the practice started (an approximate date is fine)."),
}


def taxonomy_errors(action_areas, sub_themes):
    """Errors in a practice's themes, keyed by field: shared by every form that edits one."""
    errors = {}
    if not action_areas:
        errors["action_areas"] = REQUIRED_MESSAGES["action_areas"]
    else:
        area_ids = {area.pk for area in action_areas}
        stray = [theme.name for theme in sub_themes if theme.action_area_id not in area_ids]
        if stray:
            errors["sub_themes"] = _(
                "These sub-themes belong to an action area you have not chosen: %(themes)s. "
                "Choose their action area too, or untick them."
            ) % {"themes": ", ".join(stray)}
    return errors


def date_errors(start, end, continuation):
    """Errors in a practice's dates and status, keyed by field."""
    errors = {}
    if start and end and end < start:
        errors["end_date"] = _("The end date cannot be before the start date.")
    if continuation == Continuation.FINISHED and not end:
        errors["end_date"] = _("A finished practice needs an end date.")
    if continuation == Continuation.ONGOING and end and end < timezone.localdate():
        errors["continuation"] = _(
            "The end date is in the past: mark the practice as finished or as a regular "
            "service, or remove the end date."
        )
    return errors


class PracticePageForm(WagtailAdminPageForm):
    """The admin form for practices: clear messages for the checks that span several fields."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, message in REQUIRED_MESSAGES.items():
            if name in self.fields:
                self.fields[name].error_messages["required"] = message

    def clean(self):
        cleaned = super().clean()
        if "action_areas" in self.fields and not self.has_error("action_areas"):
            errors = taxonomy_errors(
                cleaned.get("action_areas") or [], cleaned.get("sub_themes") or []
            )
            for field, message in errors.items():
                self.add_error(field, message)
        return cleaned
