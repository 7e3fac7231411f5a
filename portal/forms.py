from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from portal.collation import collation_key
from portal.i18n import current_language
from portal.models import Country, Membership, Organisation, OrganisationType
from portal.sanitize import clean_text


class AlphabeticalChoices(ModelChoiceIterator):
    """A model choice field's options in the reader's alphabetical order of their labels
    (countries: Swedish "Österrike" after "Tyskland", Arabic names by the Arabic alphabet),
    read when the form is shown, in its language."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        language = current_language()
        choices = [self.choice(obj) for obj in self.queryset]
        yield from sorted(choices, key=lambda choice: collation_key(str(choice[1]), language))


def in_alphabetical_order(field, queryset):
    """Give a model choice field `queryset`, its options in the reader's alphabetical order."""
    field.iterator = AlphabeticalChoices
    field.queryset = queryset  # (also hands the widget the new choices)


class JoinForm(forms.Form):
    message = forms.CharField(
        label=_("Your role in the organisation (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Helps the organisation's managers recognise you."),
    )

    def clean_message(self):
        return clean_text(self.cleaned_data["message"])


class ProposeOrganisationForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = [
            "name",
            "acronym",
            "organisation_type",
            "country",
            "region_city",
            "website",
            "description",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation_type"].queryset = OrganisationType.objects.default_locale()
        in_alphabetical_order(self.fields["country"], Country.objects.all())

    def clean_description(self):
        return clean_text(self.cleaned_data["description"])

    def clean_name(self):
        name = clean_text(self.cleaned_data["name"])
        # Only approved organisations are public: a hidden proposal with this name is not
        # revealed (editors see both proposals side by side).
        if Organisation.objects.approved().filter(name__iexact=name).exists():
            raise forms.ValidationError(
                _("An organisation with this name is already on Integra: ask to join it instead.")
            )
        return name


class MembershipDecisionForm(forms.Form):
    membership = forms.ModelChoiceField(queryset=Membership.objects.none())
    action = forms.ChoiceField(
        choices=[
            ("accept", "accept"),
            ("refuse", "refuse"),
            ("manager", "manager"),
            ("member", "member"),
            ("remove", "remove"),
        ]
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = organisation.memberships.all()


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your current password."))
        return password
