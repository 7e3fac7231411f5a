"""Search results as feeds and as something to follow (`portal.following`), for the default
searchable type, whatever it is."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.facets import selection
from portal.following import Followable, Item, url_cache

from . import registry, service

FOLLOWED_RESULTS = 100  # the newest results a saved search looks at on each run


def item_of(declaration, page, request):
    """A result page as a feed or alert item."""
    return Item(
        key=f"{page._meta.label_lower}:{declaration.key_of(page)}",
        title=page.title,
        url=page.get_url(request=request),
        published=page.last_published_at or page.first_published_at,
        summary=declaration.prepare_summary(page),
        language=declaration.language_of(page),
    )


def newest_results(query, language, limit, request=None):
    """(words, Items) of the newest `limit` results of a search query string (a QueryDict),
    in `language`; nothing without words or filters, as the search page."""
    declaration = registry.get()
    text = query.get("q", "").strip()
    filters = selection(query, declaration.facets)
    if not (text or filters):
        return text, []
    outcome = service.search(text, filters, language=language, sort="newest", per_page=limit)
    request = request or url_cache()
    return text, [item_of(declaration, page, request) for page in outcome.practices.object_list]


def new_results(query, language, since, memo):
    urls = memo.setdefault("url_cache", url_cache())
    _text, items = newest_results(query, language, FOLLOWED_RESULTS, urls)
    return [item for item in items if item.published and item.published > since]


def search_url(query, language):
    with translation.override(language):
        return reverse("search") + (f"?{query}" if query else "")


def followable_search():
    return Followable(
        kind="search", label=_("Search"), listing_url=search_url, new_items=new_results
    )
