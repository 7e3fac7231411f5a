"""The practice submission form as the import uses it, thousands of times in one run.

Each row is validated by `PracticeSubmissionForm` itself (the same fields, rules and
messages), but the form is made once per organisation and language instead of once per row,
and its model choices (countries, taxonomy terms, partner organisations) are checked against
the objects its querysets return, read once per run, instead of two queries per field and row.
"""

import copy

from django import forms
from django.core.exceptions import ValidationError

from portal.models import Organisation

from .submission_forms import PracticeSubmissionForm

PARTNERS = "partner_organisations"


class KnownChoices(forms.ModelMultipleChoiceField):
    """A many-to-many choice checked against `objects` ({str(pk): object}, in the queryset's
    order), with the error messages of the field it stands for."""

    def __init__(self, field, objects):
        super().__init__(
            field.queryset,
            required=field.required,
            label=field.label,
            error_messages=field.error_messages,
            validators=field.validators,
        )
        self.objects = objects

    def clean(self, value):
        """As Django's, with a list of objects for a queryset."""
        value = self.prepare_value(value)
        if not value:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        if not isinstance(value, list | tuple):
            raise ValidationError(self.error_messages["invalid_list"], code="invalid_list")
        objects = self._check_values(value)
        self.run_validators(value)
        return objects

    def _check_values(self, value):
        wanted = frozenset(str(item) for item in value)
        for item in sorted(wanted):
            if item not in self.objects:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
        return [obj for key, obj in self.objects.items() if key in wanted]


class ImportForms:
    """Makes the bound submission form for each row of one run: one form per language, whose
    partner field is swapped for the organisation's (its partners are the others)."""

    def __init__(self, user=None):
        self.user = user
        self.forms = {}  # language: an unbound form for no organisation in particular
        self.partners = {}  # organisation pk: its partner field

    def form(self, data, organisation, language=None):
        made = self.forms.get(language)
        if made is None:
            made = self.forms[language] = self._make(language)
        form = copy.copy(made)  # the fields are shared: cleaning does not change them
        form.data, form.is_bound, form._errors, form._bound_fields_cache = data, True, None, {}
        form.organisation = organisation
        if organisation.pk is not None:
            form.fields = {**made.fields, PARTNERS: self._partners(made, organisation)}
        return form

    def _make(self, language):
        form = PracticeSubmissionForm(
            None, organisation=Organisation(), language=language, user=self.user
        )
        for name, field in form.fields.items():
            if isinstance(field, forms.ModelMultipleChoiceField):
                form.fields[name] = KnownChoices(
                    field, {str(obj.pk): obj for obj in field.queryset}
                )
        return form

    def _partners(self, made, organisation):
        if organisation.pk not in self.partners:
            field = made.fields[PARTNERS]
            own = str(organisation.pk)
            self.partners[organisation.pk] = KnownChoices(
                field, {key: obj for key, obj in field.objects.items() if key != own}
            )
        return self.partners[organisation.pk]
