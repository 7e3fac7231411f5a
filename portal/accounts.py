"""Accounts glue for django-allauth: the sign-up form, the adapter and account deletion."""

from django import forms
from django.utils.translation import gettext_lazy as _

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import SignupForm as AllauthSignupForm


class SignupForm(AllauthSignupForm):
    """Email sign-up plus the name other members and editors will see."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)

    field_order = ["first_name", "last_name", "email", "password1", "password2"]


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return True

    def save_user(self, request, user, form, commit=True):
        user.language = (getattr(request, "LANGUAGE_CODE", None) or user.language)[:8]
        return super().save_user(request, user, form, commit=commit)


def remember_language(sender, request, user, **kwargs):
    """Emails go out in the language the person last used the portal in."""
    language = getattr(request, "LANGUAGE_CODE", None)
    if language and user.language != language:
        user.language = language
        user.save(update_fields=["language"])
