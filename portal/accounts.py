"""Accounts glue for django-allauth: the sign-up form, the adapter and account deletion."""

from types import SimpleNamespace
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.shortcuts import resolve_url
from django.utils.translation import gettext_lazy as _

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import SignupForm as AllauthSignupForm

from portal import emails
from portal.permissions import is_editor


class SignupForm(AllauthSignupForm):
    """Email sign-up plus the name other members and editors will see."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)

    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    def try_save(self, request):
        """For an address that already has an account allauth creates nothing and only sends an
        "account already exists" email; hash the password all the same, as a new account's is,
        so that neither answer is quicker than the other (no enumeration by timing)."""
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return True

    def get_login_redirect_url(self, request):
        """Editors start at what waits for them (EDITOR_LOGIN_REDIRECT_URL), members at their
        submissions. A `next` address they started from comes first (allauth reads it)."""
        if is_editor(request.user):
            return resolve_url(settings.EDITOR_LOGIN_REDIRECT_URL)
        return super().get_login_redirect_url(request)

    def save_user(self, request, user, form, commit=True):
        user.language = (getattr(request, "LANGUAGE_CODE", None) or user.language)[:8]
        return super().save_user(request, user, form, commit=commit)

    def send_mail(self, template_prefix, email, context):
        """allauth builds its links from the request's host: put every link on BASE_URL, as in
        all the portal's emails, and name the site, not the host the request came to."""
        context = {
            key: emails.absolute(value)
            if key.endswith("_url") and isinstance(value, str) and value
            else value
            for key, value in context.items()
        }
        context["current_site"] = SimpleNamespace(
            name=settings.WAGTAIL_SITE_NAME,
            domain=urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc,
        )
        return super().send_mail(template_prefix, email, context)


def remember_language(sender, request, user, **kwargs):
    """Emails go out in the language the person last used the portal in."""
    language = getattr(request, "LANGUAGE_CODE", None)
    if language and user.language != language:
        user.language = language
        user.save(update_fields=["language"])
