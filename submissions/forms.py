"""The base of the front-end forms members submit pages with: model fields in plain web-form
sections, checkboxes for many-to-many fields, date pickers, sanitised rich text, an image with
its alternative text, and drafts that need only a title."""

import copy

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.forms.models import fields_for_model
from django.utils.translation import gettext_lazy as _

from wagtail.fields import RichTextField

from portal.forms import in_alphabetical_order
from portal.models import Country, Organisation
from portal.sanitize import clean_html, has_embedded_data

# Fields the view saves itself (an uploaded image or document) instead of copying them.
FILE_FIELDS = {
    "image",
    "image_alt",
    "image_credit",
    "image_licence",
    "remove_image",
    "attachment",
    "attachment_title",
}
# A long report fits; a pasted book or image does not (and would exceed the request limit).
RICH_TEXT_MAX_LENGTH = 50_000


class SanitisedRichText(forms.CharField):
    """A rich-text area for the front end: HTML is cleaned by portal.sanitize. Pasted images
    (data: addresses) are refused with a message instead of being dropped unseen."""

    widget = forms.Textarea(attrs={"rows": 7, "data-rich-text": ""})

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", RICH_TEXT_MAX_LENGTH)
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if has_embedded_data(value):
            raise ValidationError(
                _(
                    "Images cannot be pasted into the text. Remove the pasted image and add "
                    "it with the image field instead."
                ),
                code="embedded_image",
            )
        return clean_html(value)


def widget_for(model_field):
    """Checkboxes for many-to-many fields and the browser's pickers for dates and times."""
    if model_field.many_to_many:
        return forms.CheckboxSelectMultiple
    if isinstance(model_field, models.DateField) and not isinstance(
        model_field, models.DateTimeField
    ):
        return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    if isinstance(model_field, models.TimeField):
        return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    return None


class SubmissionForm(forms.Form):
    """A page's fields for organisation members. A subclass names its `model` and `fieldsets`
    ([(legend, [field names])]); model fields not declared on the form are made from the model.
    `organisation`: the one the page is for. `draft`: only the title is required. `language`:
    the language of an existing page, which stays (translations are made through the
    translation workflow), or None for a new one. `user`: who is writing."""

    model = None
    fieldsets = []
    required_messages = {}  # field name: what to say when it is left empty
    widget_attrs = {"summary": {"rows": 4, "maxlength": 600}}

    image_alt = forms.CharField(
        label=_("Describe the image for people who cannot see it"),
        max_length=250,
        required=False,
    )

    def __init__(
        self, *args, organisation, draft=False, language=None, user=None, image=None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.draft = draft
        self.user = user  # who is submitting
        self._add_model_fields()
        for name, field in self.fields.items():
            self._limit_choices(field)
            field.widget.attrs.update(self.widget_attrs.get(name, {}))
            if name in self.required_messages:
                field.error_messages["required"] = self.required_messages[name]
        if language and "language" in self.fields:
            self.fields["language"].initial = language
            self.fields["language"].disabled = True
        if image is None:  # `image`: the page's current one; nothing to remove without it
            self.fields.pop("remove_image", None)
        self.order_fields([name for _legend, names in self.fieldsets for name in names])
        if draft:  # a draft may be incomplete: only the title is needed to save it
            for name, field in self.fields.items():
                field.required = name == "title"

    @classmethod
    def model_fields(cls):
        """The fields copied between the form and the page, in the order shown."""
        names = []
        for _legend, fields in cls.fieldsets:
            for name in fields:
                try:
                    cls.model._meta.get_field(name)
                except FieldDoesNotExist:
                    continue  # a form-only field, such as a practice's language
                if name not in FILE_FIELDS:
                    names.append(name)
        return names

    def _add_model_fields(self):
        for name, field in self.form_fields_from_model().items():
            if name not in self.fields:
                self.fields[name] = copy.deepcopy(field)

    @classmethod
    def form_fields_from_model(cls):
        """The form fields made from the model's, once per class (each form copies them, as
        Django forms copy their declared fields)."""
        made = cls.__dict__.get("_fields_from_model")
        if made is None:
            made = cls._fields_from_model = cls._make_model_fields()
        return made

    @classmethod
    def _make_model_fields(cls):
        names = [name for name in cls.model_fields() if name not in cls.declared_fields]
        widgets = {}
        made = {}
        for name in names:
            widget = widget_for(cls.model._meta.get_field(name))
            if widget:
                widgets[name] = widget
        for name, field in fields_for_model(cls.model, fields=names, widgets=widgets).items():
            model_field = cls.model._meta.get_field(name)
            if isinstance(model_field, RichTextField):
                field = SanitisedRichText(
                    label=model_field.verbose_name, required=not model_field.blank
                )
            # The model's own checks (a summary's length, the column's range) are answered by
            # the form, on drafts too, instead of failing when the page is saved.
            field.validators.extend(
                validator
                for validator in model_field.validators
                if validator not in field.validators
            )
            if model_field.many_to_many:
                field.help_text = ""
            made[name] = field
        return made

    def _limit_choices(self, field):
        """Other approved organisations, and taxonomy terms in the default language."""
        queryset = getattr(field, "queryset", None)
        if queryset is None:
            return
        if queryset.model is Organisation:
            field.queryset = (
                Organisation.objects.approved().default_locale().exclude(pk=self.organisation.pk)
            )
        elif queryset.model is Country:
            in_alphabetical_order(field, queryset)
        elif hasattr(queryset, "default_locale"):
            field.queryset = queryset.default_locale()

    @classmethod
    def initial_from(cls, page):
        """The form's initial values from a page (its latest draft)."""
        initial = {}
        for name in cls.model_fields():
            value = getattr(page, name)
            many = cls.model._meta.get_field(name).many_to_many
            initial[name] = list(value.all()) if many else value
        if page.image:
            initial["image_alt"] = page.image.description
            initial["image_credit"] = page.image.credit
            initial["image_licence"] = page.image.licence
        return initial

    def copy_to(self, page):
        """Set the page's fields from the cleaned data. A required field an incomplete draft
        leaves empty keeps its current value (or the default)."""
        for name in self.model_fields():
            model_field = self.model._meta.get_field(name)
            value = self.cleaned_data[name]
            if model_field.many_to_many:
                setattr(page, name, list(value))
            elif value not in (None, "") or model_field.blank:
                setattr(page, name, value)

    def sections(self):
        return [
            (legend, [self[name] for name in names if name in self.fields])
            for legend, names in self.fieldsets
        ]

    def cross_field_errors(self, cleaned):
        """Errors in checks that span several fields, keyed by field; for subclasses."""
        return {}

    def add_model_errors(self, error):
        """Show a page's own validation errors (raised when it is saved) on the form."""
        messages = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
        for name, texts in messages.items():
            field = name if name in self.fields else None
            for text in texts:
                self.add_error(field, text)

    def clean(self):
        cleaned = super().clean()
        errors = self.cross_field_errors(cleaned)
        if cleaned.get("image") and not cleaned.get("image_alt"):
            errors["image_alt"] = _("Describe the image in a few words (its alternative text).")
        for field, message in errors.items():
            if field in self.fields and not self.has_error(field):
                self.add_error(field, message)
        return cleaned


class ChildFormSet(forms.BaseFormSet):
    """Rows of a page's child objects (its links, …), edited with the page; its prefix is the
    name of the page's child relation. A row without a value for `key_field` is left out."""

    key_field = None

    @classmethod
    def initial_for(cls, objects):
        return [{name: getattr(obj, name) for name in cls.form.base_fields} for obj in objects]

    def instances(self, model):
        return [model(**row) for row in self.cleaned_data if row.get(self.key_field)]
