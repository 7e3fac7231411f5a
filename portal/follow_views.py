"""Saved searches and follows: save a listing's search, follow in one click, list, rename,
change or delete them, and unsubscribe from an alert without signing in."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import alerts
from .following import clean_query, followables
from .models import Frequency, SavedSearch

MAX_SAVED = 100  # per reader


class SavedSearchForm(forms.ModelForm):
    class Meta:
        model = SavedSearch
        fields = ["name", "frequency"]
        labels = {"name": gettext_lazy("Name"), "frequency": gettext_lazy("Email alerts")}


def _back(request, fallback):
    target = request.POST.get("next", "")
    allowed = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    return target if target and allowed else fallback


@login_required
@require_POST
def save_search(request):
    """Save (or follow) the listing of `kind` with `query`; the same search saved again is kept
    once. Answers with the page it came from and a message."""
    kind = request.POST.get("kind", "")
    followable = followables().get(kind)
    name = " ".join(request.POST.get("name", "").split())[:120]
    query = clean_query(request.POST.get("query", ""))
    if followable is None or not name:
        messages.error(request, _("This search could not be saved: it has no name or kind."))
        return redirect(_back(request, "saved_searches"))
    existing = SavedSearch.objects.filter(user=request.user, kind=kind, query=query).first()
    if existing is not None:
        messages.info(request, _("You already follow “%(name)s”.") % {"name": existing.name})
    elif request.user.saved_searches.count() >= MAX_SAVED:
        messages.error(request, _("You have saved 100 searches: delete one to save another."))
    else:
        try:
            with transaction.atomic():
                SavedSearch.objects.create(user=request.user, kind=kind, query=query, name=name)
        except IntegrityError:  # the same search saved twice at once
            pass
        messages.success(
            request,
            _("Saved “%(name)s”. You will get a daily email when something new matches it.")
            % {"name": name},
        )
    return redirect(_back(request, "saved_searches"))


@login_required
def saved_searches(request):
    """The reader's saved searches and follows: rename, change alerts, delete."""
    mine = request.user.saved_searches.all()
    kinds = followables()
    forms_by_pk = {}
    if request.method == "POST":
        search = get_object_or_404(mine, pk=request.POST.get("search"))
        if request.POST.get("action") == "delete":
            search.delete()
            messages.success(request, _("Deleted “%(name)s”.") % {"name": search.name})
            return redirect("saved_searches")
        form = SavedSearchForm(request.POST, instance=search, prefix=f"s{search.pk}")
        if form.is_valid():
            form.instance.paused = False  # saving again resumes a bounced address
            form.save()
            messages.success(request, _("Saved your changes."))
            return redirect("saved_searches")
        forms_by_pk[search.pk] = form
    rows = []
    for search in mine:
        followable = kinds.get(search.kind)
        rows.append(
            {
                "search": search,
                "label": followable.label if followable else search.kind,
                "url": followable.listing_url(search.query, None) if followable else "",
                "form": forms_by_pk.get(search.pk)
                or SavedSearchForm(instance=search, prefix=f"s{search.pk}"),
            }
        )
    return render(
        request, "portal/saved_searches.html", {"rows": rows, "page_title": _("Saved searches")}
    )


@csrf_exempt  # the signed token is the authority; mail providers POST without a form
def unsubscribe(request, token):
    """Stop the alerts a signed link names: a confirmation page on GET, the change on POST
    (a reader's button, or a mail provider's RFC 8058 one-click POST)."""
    try:
        user_id, pks = alerts.read_token(token)
    except signing.SignatureExpired:
        return _bad_link(request, _("This unsubscribe link has expired."))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return _bad_link(request, _("This unsubscribe link is not valid."))
    searches = SavedSearch.objects.filter(user_id=user_id, pk__in=pks)
    done = request.method == "POST"
    if done:
        searches.update(frequency=Frequency.NEVER)
    return render(
        request,
        "portal/unsubscribe.html",
        {"searches": list(searches), "done": done, "page_title": _("Unsubscribe")},
    )


def _bad_link(request, reason):
    context = {"reason": reason, "page_title": _("Unsubscribe")}
    return render(request, "portal/unsubscribe_invalid.html", context, status=400)
