"""Public pages without a query of their own.

Wagtail's `PageQuerySet.public()` reads every view restriction first, one query each time it
is called (several per listing); `restricted()` is the same condition as a subquery.
"""

from django.db.models import Exists, F, OuterRef
from django.db.models.lookups import StartsWith

from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet


def restricted():
    """Pages in a private section (a view restriction on the page or an ancestor): Wagtail's
    `private_q()`, as one SQL condition."""
    return Exists(PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path"))))


def public(pages):
    """`pages` without those in a private section (Wagtail's `.public()`, without a query)."""
    return pages.exclude(restricted())


class ReaderPageQuerySet(PageQuerySet):
    """Wagtail's page queryset, whose `public()`, `private()` and `not_public()` read the view
    restrictions in the same query."""

    def private_q(self):
        return restricted()
