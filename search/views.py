from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import get_text_list
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portal import exports
from portal.facets import LANGUAGE, active_filters, selection
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
    language = _language(request)
    if text or filters:
        outcome = service.search(
            text,
            filters,
            language=language,
            sort=chosen_sort(request.GET.get("sort"), SEARCH_SORTS),
            page=page,
        )
    mine = _my_language_switch(filters, language)
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
            "mine": mine,
            "expanded_note": _expanded_note(outcome) if outcome and not mine["on"] else "",
        },
    )


def _my_language_switch(filters, language):
    """The "only in my language" switch: the declaration's language filter set to the
    reader's language alone (so its chip and its facet option show it too)."""
    facets = [facet for facet in registry.get().facets if facet.kind == LANGUAGE]
    if not facets:
        return {"param": "", "on": False}
    param = facets[0].param
    info = get_language_info(language)
    return {
        "param": param,
        "value": language,
        "name": info["name_local"],
        "on": filters.get(param) == [language],
    }


def _expanded_note(outcome):
    """ "Also showing practices about Housing in other languages", when query words named
    taxonomy terms (search.lexicon) and something was found."""
    if not outcome.expanded or not outcome.total:
        return ""
    facets = registry.get().facets_by_param
    params = dict.fromkeys(param for param, _code in outcome.expanded)
    labels = {param: dict(facets[param].model.facet_options()) for param in params}
    names = [
        format_html("<strong>{}</strong>", labels[param].get(code, code))
        for param, code in outcome.expanded
    ]
    note = escape(_("Also showing practices about %(terms)s in other languages"))
    return mark_safe(note % {"terms": get_text_list(names, escape(_("and")))})  # noqa: S308


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
