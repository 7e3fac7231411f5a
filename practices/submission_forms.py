"""The front-end forms: practice submission (every field, in sections) and contact."""

from django import forms
from django.forms.models import fields_for_model
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.images.fields import WagtailImageField

from portal.languages import CONTENT_LANGUAGES
from portal.models import Organisation
from portal.sanitize import clean_html, safe_url
from portal.uploads import PDFField

from .forms import REQUIRED_MESSAGES, date_errors, taxonomy_errors
from .models import BODY_SECTIONS


class SanitisedRichText(forms.CharField):
    """A rich-text area for the front end: HTML is cleaned by portal.sanitize."""

    widget = forms.Textarea(attrs={"rows": 7, "data-rich-text": ""})

    def clean(self, value):
        return clean_html(super().clean(value))


SUBMISSION_SECTIONS = [
    (_("The practice in short"), ["title", "summary", "language"]),
    (
        _("Who and where"),
        ["partner_organisations", "countries", "region_city", "implementation_level"],
    ),
    (_("Themes and people"), ["action_areas", "sub_themes", "target_groups", "people_reached"]),
    (
        _("Time and money"),
        [
            "start_date",
            "end_date",
            "continuation",
            "budget_amount",
            "budget_currency",
            "funding_instruments",
        ],
    ),
    (_("What you did and what you learned"), [name for name, _heading in BODY_SECTIONS]),
    (_("Evidence and participation"), ["evidence_level", "migrant_participation"]),
    (
        _("Image and documents"),
        ["image", "image_alt", "remove_image", "attachment", "attachment_title"],
    ),
]
MODEL_FIELDS = [
    name
    for _title, names in SUBMISSION_SECTIONS
    for name in names
    if name
    not in {"language", "image", "image_alt", "remove_image", "attachment", "attachment_title"}
]
DATES = ["start_date", "end_date"]
M2M_FIELDS = [
    "partner_organisations",
    "countries",
    "action_areas",
    "sub_themes",
    "target_groups",
    "funding_instruments",
]


class PracticeSubmissionForm(forms.Form):
    """Every field of a practice, in plain web-form sections, for organisation members."""

    language = forms.ChoiceField(
        label=capfirst(_("original language")),
        choices=CONTENT_LANGUAGES,
        help_text=_("The language this practice was written in."),
    )
    image = WagtailImageField(
        label=_("Main image"),
        required=False,
        help_text=_("A JPEG, PNG or WebP photo, at most 10 MB. Only images you may publish."),
    )
    image_alt = forms.CharField(
        label=_("Describe the image for people who cannot see it"),
        max_length=250,
        required=False,
    )
    remove_image = forms.BooleanField(label=_("Remove the current image"), required=False)
    attachment = PDFField(
        label=_("Add a document (PDF)"),
        required=False,
        help_text=_("An evaluation, a report or a leaflet; PDF only, at most 20 MB."),
    )
    attachment_title = forms.CharField(label=_("Document title"), max_length=250, required=False)

    def __init__(self, *args, organisation, draft=False, language=None, **kwargs):
        """`language`: the language of an existing practice, which stays (its translations
        are made through the translation workflow), or None for a new one."""
        super().__init__(*args, **kwargs)
        self.draft = draft
        if language:
            self.fields["language"].initial = language
            self.fields["language"].disabled = True
        from .models import PracticePage

        widgets = dict.fromkeys(M2M_FIELDS, forms.CheckboxSelectMultiple)
        widgets.update(
            {name: forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d") for name in DATES}
        )
        model_fields = fields_for_model(PracticePage, fields=MODEL_FIELDS, widgets=widgets)
        for name in MODEL_FIELDS:
            if name in dict(BODY_SECTIONS):
                model_field = PracticePage._meta.get_field(name)
                field = SanitisedRichText(
                    label=model_field.verbose_name, required=not model_field.blank
                )
            else:
                field = model_fields[name]
            self.fields[name] = field
        for name in M2M_FIELDS:
            self.fields[name].help_text = ""
        self.fields["summary"].widget.attrs.update({"rows": 4, "maxlength": 600})
        for name in ["action_areas", "sub_themes", "target_groups", "funding_instruments"]:
            self.fields[name].queryset = self.fields[name].queryset.default_locale()
        self.fields["sub_themes"].queryset = (
            self.fields["sub_themes"]
            .queryset.select_related("action_area")
            .order_by("action_area__sort_order", "sort_order")
        )
        self.fields["partner_organisations"].queryset = (
            Organisation.objects.approved().default_locale().exclude(pk=organisation.pk)
        )
        for name, message in REQUIRED_MESSAGES.items():
            if name in self.fields:
                self.fields[name].error_messages["required"] = message
        self.order_fields([name for _title, names in SUBMISSION_SECTIONS for name in names])
        if draft:  # a draft may be incomplete: only the title is needed to save it
            for name, field in self.fields.items():
                field.required = name == "title"

    def sections(self):
        return [(title, [self[name] for name in names]) for title, names in SUBMISSION_SECTIONS]

    def clean(self):
        cleaned = super().clean()
        errors = dict(
            taxonomy_errors(cleaned.get("action_areas") or [], cleaned.get("sub_themes") or [])
        )
        if self.draft and not cleaned.get("action_areas"):
            errors.pop("action_areas", None)
        errors.update(
            date_errors(
                cleaned.get("start_date"), cleaned.get("end_date"), cleaned.get("continuation")
            )
        )
        if cleaned.get("image") and not cleaned.get("image_alt"):
            errors["image_alt"] = _("Describe the image in a few words (its alternative text).")
        for field, message in errors.items():
            if field in self.fields and not self.has_error(field):
                self.add_error(field, message)
        return cleaned


class LinkForm(forms.Form):
    url = forms.URLField(label=_("Web address"), required=False, assume_scheme="https")
    title = forms.CharField(label=_("Link text"), max_length=250, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("url") and not cleaned.get("title"):
            self.add_error("title", _("Give the link a short title."))
        if cleaned.get("url") and not safe_url(cleaned["url"]):
            self.add_error("url", _("Only http and https addresses are allowed."))
        return cleaned


LinkFormSet = forms.formset_factory(LinkForm, extra=2, max_num=10)


class ContactForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150)
    message = forms.CharField(
        label=_("Your message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("The organisation will see your name and email address, to reply to you."),
    )
