from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portal import exports
from portal.facets import active_filters, selection
from portal.feeds import FEED_ITEMS, feed_response
from portal.listing import SEARCH_SORTS, chosen_sort, sort_choices
from portal.permissions import is_editor

from . import registry, service
from .following import newest_results


def _language(request):
    return (getattr(request, "LANGUAGE_CODE", None) or get_language() or "en").split("-")[0]


def search(request):
    """The search page: query, facets with counts, highlighted snippets, pagination; or its
    results as a download (`?export=csv|json|xlsx`)."""
    text = request.GET.get("q", "").strip()
    filters = selection(request.GET, registry.get().facets)
    export_format = exports.requested_format(request)
    if export_format is None:
        return exports.bad_format()
    if export_format:
        return _export(request, export_format, text, filters)
    try:
        page = int(request.GET.get("page", 1))
    except ValueError:
        page = 1
    outcome = None
    if text or filters:
        outcome = service.search(
            text,
            filters,
            language=_language(request),
            sort=chosen_sort(request.GET.get("sort"), SEARCH_SORTS),
            page=page,
        )
    return render(
        request,
        "search/search.html",
        {
            "query": text,
            "outcome": outcome,
            "facets": outcome.facets if outcome else [],
            "active_filters": active_filters(request.GET, outcome.facets) if outcome else [],
            "sorts": sort_choices(SEARCH_SORTS),
            "sort": outcome.query.sort if outcome else SEARCH_SORTS[0],
            "page_title": _("Search"),
        },
    )


def _export(request, export_format, text, filters):
    declaration = registry.get()
    if not declaration.export_columns:
        return exports.bad_format()
    batches = service.all_results(
        text,
        filters,
        language=_language(request),
        sort=chosen_sort(request.GET.get("sort"), SEARCH_SORTS),
    )
    records = (
        record
        for batch in batches
        for record in declaration.export_records([page.pk for page in batch], request)
    )
    return exports.export_response(
        export_format, "search", declaration.name, declaration.export_columns, records
    )


def suggest(request):
    """Titles of public practices matching what is being typed (for the search box)."""
    results = service.suggest(request.GET.get("q", ""), language=_language(request))
    response = JsonResponse({"suggestions": results})
    response["Cache-Control"] = "public, max-age=60"
    return response


PUBLIC_HEALTH = ("status", "engine", "documents", "pending_updates", "breaker", "breaker_until")


@never_cache
def health(request):
    """Status and counts for anyone (monitoring); the engine's error text, which names its
    host and port, only for editors."""
    status = service.health()
    if not is_editor(request.user):
        status = {key: status[key] for key in PUBLIC_HEALTH if key in status}
    return JsonResponse(status, status=200 if status.get("status") == "ok" else 503)


def feed(request, feed_type):
    """The newest results of a search (its words and filters from the URL) as RSS or Atom."""
    text, items = newest_results(request.GET, _language(request), FEED_ITEMS, request)
    title = _("Integra: search results")
    if text:
        title = _("Integra: search results for “%(query)s”") % {"query": text}
    link = reverse("search") + (f"?{request.GET.urlencode()}" if request.GET else "")
    description = _("The newest practices matching this search.")
    return feed_response(
        request, feed_type, title=title, link=link, description=description, items=items
    )
