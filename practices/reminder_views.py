"""The signed link of a freshness reminder (`practices.reminders`): a manager confirms that a
practice is still current without signing in. A GET only shows the practice and the button; the
POST confirms it (`practices.confirmation`, as from the practice page)."""

from django.contrib.auth import get_user_model
from django.core import signing
from django.shortcuts import render
from django.utils.translation import gettext as _

from portal.permissions import is_manager

from . import reminders
from .confirmation import confirm_current
from .models import PracticePage


def confirm_link(request, token):
    try:
        page_id, user_id = reminders.read_token(token)
    except signing.SignatureExpired:
        return _bad_link(request, _("This confirmation link has expired."))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return _bad_link(request, _("This confirmation link is not valid."))
    page = PracticePage.objects.listable().select_related("organisation").filter(pk=page_id).first()
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if page is None:
        return _bad_link(request, _("This practice is no longer published."))
    if user is None or not is_manager(user, page.organisation):
        return _bad_link(
            request,
            _("This link was sent to someone who no longer manages %(organisation)s.")
            % {"organisation": page.organisation.name},
        )
    done = request.method == "POST"
    if done:
        confirm_current(page, user)
        page.refresh_from_db(fields=["last_confirmed"])
    return render(
        request,
        "practices/confirm_link.html",
        {
            "practice": page,
            "done": done,
            "edit_url": page.get_edit_url(),
            "page_title": _("Is this practice still current?"),
        },
    )


def _bad_link(request, reason):
    context = {"reason": reason, "page_title": _("This link does not work")}
    return render(request, "practices/confirm_link_invalid.html", context, status=400)
