"""What readers can follow, as the feature apps declare it, so that `portal` never imports a
feature (like `portal.sections`):

    @hooks.register(FOLLOWABLE)
    def followable_practices():
        return Followable(kind="practices", label=_("Practices"), listing_url=…, new_items=…)

A saved search (`portal.models.SavedSearch`) names a `kind` and the query string of its listing;
the alert sender asks the followable of that kind for the public items published since the
search was last checked (`new_items(query, language, since, memo)`, newest first, in the
reader's language; `memo` is a dict that lives for one run, to share work between searches).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

from django.http import QueryDict

from wagtail import hooks

FOLLOWABLE = "register_followable"
# Never part of a saved search or a feed: how a listing is shown, not what it holds.
PRESENTATION_PARAMS = ("page", "sort", "export", "view", "month")


@dataclass(frozen=True)
class Item:
    """One published thing in a feed or an alert."""

    key: str  # the same in every language: "practices.practicepage:<translation key>"
    title: str
    url: str
    published: datetime.datetime
    summary: str = ""
    language: str = ""
    edition: int = 0  # how many substantial updates it has had (`portal.models.editions`)
    changes: tuple = ()  # what the last one changed, in the reader's language


@dataclass(frozen=True)
class Followable:
    kind: str
    label: str
    listing_url: Callable  # (query string, language) -> address of the listing it shows
    new_items: Callable  # (QueryDict, language, since, memo) -> [Item], newest first


def url_cache():
    """What `page.get_url(request=...)` may take outside a request, so that the site root
    paths are read once for many pages (Wagtail keeps them on the object it is given; no site
    is "current", so a single site's addresses stay relative)."""
    return SimpleNamespace(_wagtail_site=None)


def followables():
    """{kind: Followable} of every registered kind."""
    return {found.kind: found for found in (fn() for fn in hooks.get_hooks(FOLLOWABLE))}


def clean_query(query):
    """The query string of what a listing holds (its filters and words), without paging or
    sorting, in a stable order, so that the same search saved twice is the same."""
    data = query if isinstance(query, QueryDict) else QueryDict(query or "")
    kept = QueryDict(mutable=True)
    for key in sorted(data):
        if key in PRESENTATION_PARAMS:
            continue
        values = sorted(value for value in data.getlist(key) if value.strip())
        if values:
            kept.setlist(key, values)
    return kept.urlencode()[:2000]
