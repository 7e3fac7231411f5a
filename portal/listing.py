"""What every listing shares: one sort table and one place for page sizes.

A *listing* is any page of results with filters: the practice library, search, events, the
organisation directory (and, later, the API and exports)."""

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

SORTS = {
    "relevance": _("Best match"),
    "newest": _("Newest first"),
    "title": _("Title (A–Z)"),
}
LIBRARY_SORTS = ("newest", "title")  # without a query there is no "best match"
SEARCH_SORTS = ("relevance", "newest", "title")

PAGE_SIZE = 12  # cards: practices, search results, events (3 or 4 per row)
DIRECTORY_PAGE_SIZE = 30  # the organisation directory's compact rows
TABLE_PAGE_SIZE = 25  # editors' tables in the admin


def sort_choices(keys):
    return [(key, str(SORTS[key])) for key in keys]


def chosen_sort(value, keys):
    return value if value in keys else keys[0]


def paginate(items, number, per_page=PAGE_SIZE):
    """One page of `items`; a page number that is not a page gives the nearest one."""
    return Paginator(items, per_page).get_page(number)
