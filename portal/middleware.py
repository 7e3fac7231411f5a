import logging

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import RequestDataTooBig
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

from allauth.mfa.utils import is_mfa_enabled

from portal.models import revisions
from portal.permissions import is_editor

logger = logging.getLogger(__name__)

EXEMPT_PREFIXES = ("/static/", "/media/")
EXEMPT_URL_NAMES = ("account_", "mfa_")


def exempt(request):
    """Account and two-factor pages stay reachable, so that MFA can be set up."""
    if request.path.startswith(EXEMPT_PREFIXES):
        return True
    try:
        name = resolve(request.path_info).url_name or ""
    except Resolver404:
        return False
    return name.startswith(EXEMPT_URL_NAMES)


def needs_mfa(user):
    """Editors and admins must set up two-factor authentication before doing anything else."""
    return (
        settings.MFA_REQUIRED_FOR_STAFF
        and user.is_authenticated
        and (user.is_staff or is_editor(user))
        and not is_mfa_enabled(user, ["totp"])
    )


class RequireMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user and needs_mfa(user) and not exempt(request):
            messages.warning(
                request,
                _(
                    "Editors and administrators must use two-factor authentication. "
                    "Set up an authenticator app to continue."
                ),
            )
            return redirect(reverse("mfa_activate_totp") + "?next=" + request.get_full_path())
        return self.get_response(request)


class RevisionMiddleware:
    """Read the revision tokens at most once per request (see portal.models.revisions)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        revisions.start_request()
        try:
            return self.get_response(request)
        finally:
            revisions.end_request()


FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


class RequestTooBigMiddleware:
    """A form sent with more text than DATA_UPLOAD_MAX_MEMORY_SIZE gets a message on the page
    it came from, not an error page. (Read here, before any view or the CSRF check does.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.content_type in FORM_TYPES:
            try:
                request.POST  # noqa: B018 - parse the body now, where the error can be answered
            except RequestDataTooBig:
                logger.warning("Request body too large on %s", request.path)
                messages.error(
                    request,
                    _(
                        "What you sent is too long to be received, so nothing was saved. "
                        "Go back, shorten the longest text (or remove pasted images), and "
                        "send it again."
                    ),
                )
                return redirect(request.get_full_path())
        return self.get_response(request)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 of the open data (the API, the catalogue), which has no
    language prefix, stays a 404 instead of a redirect to /<language>/… (a page address)."""

    UNPREFIXED = ("/api/", "/catalog")

    def process_response(self, request, response):
        if request.path_info.startswith(self.UNPREFIXED):
            return response
        return super().process_response(request, response)
