"""The front-end form organisation members use to announce an event."""

from django import forms
from django.db import models
from django.forms.models import fields_for_model
from django.utils.translation import gettext_lazy as _

from wagtail.images.fields import WagtailImageField

from portal.models import Country, Organisation
from practices.submission_forms import SanitisedRichText

from .forms import event_errors

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
        ["co_organisers", "languages", "action_areas", "target_groups", "related_practices"],
    ),
    (_("Description and image"), ["body", "image", "image_alt"]),
]
MODEL_FIELDS = [
    name for _t, names in SECTIONS for name in names if name not in {"image", "image_alt", "body"}
]
M2M_FIELDS = ["co_organisers", "languages", "action_areas", "target_groups", "related_practices"]
DATE_FIELDS = {
    "start_date": "date",
    "end_date": "date",
    "registration_deadline": "date",
    "start_time": "time",
    "end_time": "time",
}


def https_urls(model_field, **kwargs):
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


class EventSubmissionForm(forms.Form):
    body = SanitisedRichText(label=_("Description"), required=False)
    image = WagtailImageField(label=_("Image"), required=False)
    image_alt = forms.CharField(
        label=_("Describe the image for people who cannot see it"), max_length=250, required=False
    )

    def __init__(self, *args, organisation, draft=False, **kwargs):
        super().__init__(*args, **kwargs)
        from practices.models import PracticePage

        from .models import EventPage

        self.draft = draft
        widgets = dict.fromkeys(M2M_FIELDS, forms.CheckboxSelectMultiple)
        widgets.update(
            {
                name: forms.DateInput(attrs={"type": kind}, format="%Y-%m-%d")
                if kind == "date"
                else forms.TimeInput(attrs={"type": kind}, format="%H:%M")
                for name, kind in DATE_FIELDS.items()
            }
        )
        for name, field in fields_for_model(
            EventPage, fields=MODEL_FIELDS, widgets=widgets
        ).items():
            self.fields[name] = field
            if name in M2M_FIELDS:
                field.help_text = ""
        self.fields["summary"].widget.attrs.update({"rows": 4, "maxlength": 600})
        self.fields["co_organisers"].queryset = (
            Organisation.objects.approved().default_locale().exclude(pk=organisation.pk)
        )
        self.fields["country"].queryset = Country.objects.all()
        for name in ["action_areas", "target_groups"]:
            self.fields[name].queryset = self.fields[name].queryset.default_locale()
        self.fields["related_practices"].queryset = PracticePage.objects.listable().by_organisation(
            organisation
        )
        self.fields["related_practices"].help_text = _(
            "Your organisation's practices this event shows or discusses."
        )
        self.order_fields([name for _t, names in SECTIONS for name in names])
        if draft:
            for name, field in self.fields.items():
                field.required = name == "title"

    def sections(self):
        return [(title, [self[name] for name in names]) for title, names in SECTIONS]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("all_day"):
            cleaned["start_time"] = cleaned["end_time"] = None
        errors = event_errors(
            **{
                name: cleaned.get(name)
                for name in [
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
                ]
            }
        )
        if self.draft:  # a draft may leave out what is still unknown
            errors = {k: v for k, v in errors.items() if cleaned.get(k) not in (None, "")}
        if cleaned.get("image") and not cleaned.get("image_alt"):
            errors["image_alt"] = _("Describe the image in a few words (its alternative text).")
        for field, message in errors.items():
            if field in self.fields and not self.has_error(field):
                self.add_error(field, message)
        return cleaned
