from django import forms
from django.utils.translation import gettext_lazy as _

from portal.models import Country, Membership, Organisation, OrganisationType
from portal.sanitize import clean_text


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
        self.fields["country"].queryset = Country.objects.all()

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
