"""The forms of requests between organisations: the request itself and each answer."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import RequestKind
from .models import AdoptionRequest


class DateInput(forms.DateInput):
    input_type = "date"


class AdoptionRequestForm(forms.ModelForm):
    """What the requesting organisation asks: why, and for a visit when, how many, in which
    languages. `organisations`: the member's organisations it may be sent for."""

    organisation = forms.ModelChoiceField(label=_("On behalf of"), queryset=None, empty_label=None)

    class Meta:
        model = AdoptionRequest
        fields = ["kind", "purpose", "date_from", "date_to", "people", "languages"]
        widgets = {
            "kind": forms.RadioSelect,
            "purpose": forms.Textarea(attrs={"rows": 6}),
            "date_from": DateInput,
            "date_to": DateInput,
        }
        help_texts = {
            "languages": _("For example: English, German. The hosts may not speak yours."),
            "people": _("For a study visit: how many of you would come (at most 200)."),
        }

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.only = organisations.first() if organisations.count() == 1 else None
        if self.only:  # nothing to choose: sent for the member's only organisation
            del self.fields["organisation"]
        self.fields["kind"].choices = RequestKind.choices  # no empty choice among the radios
        self.fields["purpose"].error_messages["required"] = _(
            "Say what you would like to know or see, and why."
        )

    def clean(self):
        cleaned = super().clean()
        if self.only:
            cleaned["organisation"] = self.only
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if cleaned.get("kind") == RequestKind.VISIT:
            if not start:
                self.add_error("date_from", _("Give the first day you would like to visit."))
            if not cleaned.get("people"):
                self.add_error("people", _("Say how many people would come."))
        if start and start < timezone.localdate():
            self.add_error("date_from", _("The visit cannot start in the past."))
        if start and end and end < start:
            self.add_error("date_to", _("The last day cannot be before the first."))
        return cleaned


class StepForm(forms.Form):
    """Accept, decline, mark visited or adapted, with a message for the other side."""

    status = forms.ChoiceField(choices=())
    message = forms.CharField(
        label=_("Message to the other organisation"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, steps, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(step, step) for step in steps]
