"""The practice library as feeds and as something to follow (`portal.following`): any
combination of the library's filters, or one organisation's practices."""

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from portal.following import Followable, url_cache
from portal.models import Organisation

from .feed_items import items_by_pk, matching
from .library import facet_index
from .models import PracticeIndexPage, PracticePage


def new_practices(query, language, since, memo):
    """Items of the practices matching `query` published (or published again) since `since`,
    newest first. The facet index and the new practices are read once per run (`memo`)."""
    key = ("practices", language, since)
    if key not in memo:
        index = facet_index(PracticePage, language)
        fresh = PracticePage.objects.listable().filter(last_published_at__gt=since)
        memo[key] = (index, index.mask_of(fresh.values_list("pk", flat=True)), {})
    index, fresh, items = memo[key]
    found = matching(index, query) & fresh
    if not found:
        return []
    ids = index.ordered_ids(found, "newest", 0, 100)
    urls = memo.setdefault("url_cache", url_cache())
    items.update(items_by_pk([pk for pk in ids if pk not in items], urls))
    return [items[pk] for pk in ids if pk in items]


def library_url(query, language):
    library = PracticeIndexPage.for_language(language) if language else None
    library = library or PracticeIndexPage.objects.order_by("path").first()
    slug = QueryDict(query).get("organisation")
    if slug and (organisation := Organisation.objects.filter(slug=slug).first()):
        return organisation.get_absolute_url()
    return (library.get_url() if library else "/") + (f"?{query}" if query else "")


def followable_practices():
    return Followable(
        kind="practices", label=_("Practices"), listing_url=library_url, new_items=new_practices
    )
