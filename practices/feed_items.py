"""Practices as feed and alert items (`portal.following.Item`): the newest the library shows
for a query string, in the reader's language."""

from portal import facets as facet_module
from portal.following import Item, url_cache
from portal.models import Organisation

from .facets import FACETS
from .library import facet_index
from .models.practice import PracticePage


def item_of(practice, request=None):
    return Item(
        key=f"{practice._meta.label_lower}:{practice.translation_key}",
        title=practice.title,
        url=practice.get_url(request=request),
        published=practice.last_published_at or practice.first_published_at,
        summary=practice.summary,
        language=practice.locale.language_code,
        edition=practice.edition,
        changes=tuple(practice.change_labels()),
    )


def items_by_pk(ids, request=None):
    """{pk: Item} of the public practices among `ids` (checked now: live and public);
    `request` (or a `portal.following.url_cache()`) reads the site's root paths once."""
    request = request or url_cache()
    found = PracticePage.objects.listable().select_related("locale").in_bulk(ids)
    return {pk: item_of(practice, request) for pk, practice in found.items()}


def items_of(ids, request=None):
    """Items of the public practices `ids`, in that order."""
    found = items_by_pk(ids, request)
    return [found[pk] for pk in ids if pk in found]


def matching(index, query):
    result = index.matching(facet_module.selection(query, FACETS))
    slug = query.get("organisation")
    if slug:  # an organisation's practices, owned or as partner (its profile's "Follow")
        result &= index.mask_of(
            PracticePage.objects.by_organisation(
                Organisation.objects.filter(slug=slug).first()
            ).values_list("pk", flat=True)
        )
    return result


def newest(query, language, limit, request=None):
    """Items of the newest `limit` practices the library shows for this query, in `language`."""
    index = facet_index(PracticePage, language)
    return items_of(index.ordered_ids(matching(index, query), "newest", 0, limit), request)
