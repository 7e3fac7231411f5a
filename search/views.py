from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from practices.library import active_filters, selected_values

from . import service

SORT_LABELS = {
    "relevance": gettext_lazy("Best match"),
    "newest": gettext_lazy("Newest first"),
    "title": gettext_lazy("Title (A–Z)"),
}


def _language(request):
    return (getattr(request, "LANGUAGE_CODE", None) or get_language() or "en").split("-")[0]


def search(request):
    """The search page: query, facets with counts, highlighted snippets, pagination."""
    text = request.GET.get("q", "").strip()
    filters = selected_values(request)
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
            sort=request.GET.get("sort", "relevance"),
            page=page,
        )
    return render(
        request,
        "search/search.html",
        {
            "query": text,
            "outcome": outcome,
            "facets": outcome.facets if outcome else [],
            "active_filters": active_filters(request, outcome.facets) if outcome else [],
            "sorts": [(key, str(label)) for key, label in SORT_LABELS.items()],
            "sort": outcome.query.sort if outcome else "relevance",
            "page_title": _("Search"),
        },
    )


def suggest(request):
    """Titles of public practices matching what is being typed (for the search box)."""
    results = service.suggest(request.GET.get("q", ""), language=_language(request))
    response = JsonResponse({"suggestions": results})
    response["Cache-Control"] = "public, max-age=60"
    return response


@never_cache
def health(request):
    status = service.health()
    return JsonResponse(status, status=200 if status.get("status") == "ok" else 503)
