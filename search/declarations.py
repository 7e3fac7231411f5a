"""What a searchable page type declares (cfgov's `v1/documents.py` style): its model and
queryset, the text of its documents (`prepare_*` methods), its facets, and the related models
whose changes must re-index it. `search/` reads only declarations; it knows no feature.

A feature subclasses `PageSearch` in its own `search.py` and calls `registry.register(...)`;
the search app imports every installed app's `search` module when it is ready.

One document per *translation group*: all live, public translations of a page (same
`translation_key`), each in its own language's fields, so the page is found in any of its
languages and counted once.
"""

import html
import re

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.html import strip_tags

from portal.facets import M2M

# Fields every document has (see search.documents); a facet may not take one of these names.
RESERVED = frozenset(
    {"translation_key", "pages", "locales", "revision", "published", "title_sort", "spell"}
    | {"title_suggest", "tags_std"}
    | {f"{kind}_std" for kind in ("title", "summary", "body")}
)

BLOCK_TAG = re.compile(
    r"<(?:br|hr|/?(?:p|div|li|ul|ol|h[1-6]|blockquote|pre|table|tr|td|th|dl|dt|dd|figure"
    r"|figcaption|section|article))\b[^>]*>",
    re.IGNORECASE,
)


def html_to_text(value):
    """Text of an HTML fragment, with a space where one block ends and the next begins."""
    return " ".join(html.unescape(strip_tags(BLOCK_TAG.sub(" ", value or ""))).split())


class PageSearch:
    """Declare one searchable Wagtail page type. Subclasses set the attributes and override
    the `prepare_*` methods they need."""

    name = ""  # stable and unique: the index (alias) suffix and the update queue's tag
    model = None  # a translatable Wagtail Page model
    facets = ()  # portal.facets.FacetDefinition: filters, counts and keyword fields
    # {model: (lookup from `model` above to it, ...)}: a saved instance re-indexes the pages
    # found through these lookups.
    related_models = {}
    # (facet param, boost, enough alone): "more like this" shares these facets' values.
    related_facets = ()
    # (field, is_html): where the database engine looks for a highlighted excerpt.
    snippet_fields = (("title", False),)
    spelling_fields = ("title",)  # the database engine's "did you mean" vocabulary
    revision = None  # the portal.models.Revision name bumped whenever what is found changes
    # Params of m2m facets whose terms' labels, in every language, expand query words: a
    # word naming a term also finds the pages tagged with it (search.lexicon).
    expand_facets = ()
    labels_revision = None  # the Revision name bumped whenever those labels change
    default = False  # the type `search.service` answers for when none is named

    # -- querysets ------------------------------------------------------------------------

    def get_queryset(self):
        """What may be found: live and public."""
        return self.model.objects.live().public()

    def index_queryset(self):
        """`get_queryset()` with what the `prepare_*` methods read."""
        return self.get_queryset()

    def results_queryset(self):
        """`get_queryset()` with what a result card shows."""
        return self.get_queryset()

    # -- exports (`?export=csv|json|xlsx` on the search page: portal.exports) ---------------

    export_columns = ()  # the record fields, in order; none: results cannot be exported

    def export_records(self, ids, request):
        """The records of the public pages among `ids`, in that order; for subclasses."""
        raise NotImplementedError(f"{type(self).__name__} declares no export")

    def facet_index(self, language):
        """The database engine's fast back end for filters and counts: an object with `all`,
        `ids`, `position_of`, `matching(selected, skip)`, `counts(param, within)` and
        `ordered_ids(result, sort, start, stop)` (see practices.library.FacetIndex)."""
        raise NotImplementedError(f"{type(self).__name__} declares no facet index")

    # -- documents --------------------------------------------------------------------------

    def key_of(self, page):
        return str(page.translation_key)

    def language_of(self, page):
        return page.locale.language_code

    def prepare_title(self, page):
        return page.title

    def prepare_summary(self, page):
        return ""

    def prepare_body(self, page):
        return ""

    def prepare_tags(self, page):
        """Words of the page's labels (terms, places), searched in every language."""
        return []

    def prepare_facets(self, page):
        """{param: [values]}: each facet's keyword values, from `portal.facets`."""
        values = {}
        for facet in self.facets:
            found = [str(value) for value in facet.values_of(page) if value not in (None, "")]
            if found:
                values[facet.param] = found
        return values

    def label_forms(self):
        """(language, label, facet param, term code) of every translation the database holds
        of the `expand_facets` terms (translated copies of a term share its code)."""
        for param in self.expand_facets:
            rows = self.facets_by_param[param].model.objects.values_list(
                "locale__language_code", "name", "code"
            )
            for language, label, code in rows:
                yield language, label, param, code

    # -- configuration ----------------------------------------------------------------------

    @property
    def facets_by_param(self):
        return {facet.param: facet for facet in self.facets}

    @property
    def alias(self):
        """The index alias: SEARCH_INDEX for the default type, SEARCH_INDEX-<name> else."""
        return settings.SEARCH_INDEX if self.default else f"{settings.SEARCH_INDEX}-{self.name}"

    def check(self):
        """Raise ImproperlyConfigured for a declaration the engines cannot use."""
        if not self.name or self.model is None:
            raise ImproperlyConfigured(f"{type(self).__name__} needs a `name` and a `model`.")
        clashes = sorted(RESERVED & set(self.facets_by_param))
        if clashes:
            raise ImproperlyConfigured(f"Facet names {clashes} are reserved search fields.")
        for param, _boost, _alone in self.related_facets:
            facet = self.facets_by_param.get(param)
            if facet is None or facet.kind != M2M:
                raise ImproperlyConfigured(f"related_facets: {param!r} is not an m2m facet.")
        for param in self.expand_facets:
            facet = self.facets_by_param.get(param)
            if facet is None or facet.kind != M2M or facet.model is None:
                raise ImproperlyConfigured(f"expand_facets: {param!r} is not a taxonomy facet.")
