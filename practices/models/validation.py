"""Expert validation: the "Expert validation" workflow task and the public record it leaves.

Administrators add the task to a workflow after "Editorial review" (Settings → Workflows); it
is optional — an expert of its groups (the "Experts" group) either completes the checklist,
which records a validation and approves the step, or passes the practice on without one."""

import datetime

from django import forms
from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask

from portal.models import Revision

from ..choices import ValidationCriterion
from .practice import PracticePage

RECHECK_AFTER = datetime.timedelta(days=730)  # two years


def default_recheck():
    return timezone.localdate() + RECHECK_AFTER


class PracticeValidation(models.Model):
    """The public record of a practice's latest expert validation (one per page; a new
    validation replaces it). Who in the validating body acted is kept, but never shown."""

    practice = models.OneToOneField(
        PracticePage, on_delete=models.CASCADE, related_name="validation"
    )
    body = models.CharField(_("validating body"), max_length=200)
    validated_on = models.DateField(_("validated on"), default=timezone.localdate)
    recheck_on = models.DateField(_("re-check date"), default=default_recheck)
    criteria = models.JSONField(
        _("criteria"), default=list, help_text="[{code, met, comment}], in checklist order."
    )
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("practice validation")
        verbose_name_plural = _("practice validations")

    def __str__(self):
        return f"{self.practice} — {self.body}"

    @property
    def expired(self):
        return self.recheck_on < timezone.localdate()

    @cached_property
    def checklist(self):
        """[(label, met, comment)] in checklist order, labels in the reader's language."""
        given = {item["code"]: item for item in self.criteria}
        return [
            (label, given[code]["met"], given[code].get("comment", ""))
            for code, label in ValidationCriterion.choices
            if code in given
        ]

    @property
    def criteria_met(self):
        return [code for code, _label in ValidationCriterion.choices if self._met(code)]

    def _met(self, code):
        return any(item["code"] == code and item["met"] for item in self.criteria)


def record_validation(page, user, body, recheck_on, criteria):
    """Record (or renew) the validation of `page` and of its translations."""
    with transaction.atomic():
        for version in page.get_translations(inclusive=True).specific():
            PracticeValidation.objects.update_or_create(
                practice=version,
                defaults={
                    "body": body,
                    "validated_on": timezone.localdate(),
                    "recheck_on": recheck_on,
                    "criteria": criteria,
                    "validated_by": user,
                },
            )
        Revision.bump(Revision.PRACTICES)


MET = (("met", _("Met")), ("not-met", _("Not met")))


class ValidationChecklistForm(forms.Form):
    """The expert's checklist: each criterion met or not, with a comment; the body; the date."""

    body = forms.CharField(label=_("Validating body"), max_length=200)
    recheck_on = forms.DateField(
        label=_("Re-check date"),
        initial=default_recheck,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    comment = forms.CharField(
        label=_("Comment for the submitter"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, label in ValidationCriterion.choices:
            self.fields[f"{code}-met"] = forms.ChoiceField(
                label=label, choices=MET, widget=forms.RadioSelect
            )
            self.fields[f"{code}-comment"] = forms.CharField(
                label=_("Comment: %(criterion)s") % {"criterion": label},
                required=False,
                max_length=1000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def clean_recheck_on(self):
        recheck_on = self.cleaned_data["recheck_on"]
        if recheck_on <= timezone.localdate():
            raise forms.ValidationError(_("The re-check date must be in the future."))
        return recheck_on


def criteria_from(data):
    """The checklist answers of a cleaned `ValidationChecklistForm` as stored criteria."""
    return [
        {
            "code": code,
            "met": data.pop(f"{code}-met") == "met",
            "comment": data.pop(f"{code}-comment", ""),
        }
        for code in ValidationCriterion.values
    ]


class ExpertValidationTask(AbstractGroupApprovalTask):
    """A workflow step where experts validate a practice against the checklist (optional:
    they may pass it on without validating)."""

    def get_actions(self, obj, user):
        if not (user.is_superuser or self._user_in_groups(user)):
            return []
        actions = [("reject", _("Request changes"), True)]
        if issubclass(getattr(obj, "specific_class", None) or type(obj), PracticePage):
            actions.append(("validate", _("Validate (checklist)"), True))
        return [*actions, ("approve", _("Pass on without validating"), False)]

    def get_form_for_action(self, action):
        if action == "validate":
            return ValidationChecklistForm
        return super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name != "validate":
            return super().on_action(task_state, user, action_name, **kwargs)
        page = task_state.workflow_state.content_object.specific
        criteria = criteria_from(kwargs)
        record_validation(page, user, kwargs["body"], kwargs["recheck_on"], criteria)
        return super().on_action(task_state, user, "approve", comment=kwargs.get("comment", ""))

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups validate practices against a checklist")

    class Meta:
        verbose_name = _("Expert validation")
        verbose_name_plural = _("Expert validations")
