"""The one search interface every view uses: search, related, suggest, health.

Views never talk to an engine. With SEARCH_URL set, the cluster engine answers; when it is
unreachable, slow or erroring, the database engine answers instead and the outcome says so.
Every result is re-read from the database as a live, public page before it is shown.
Each function answers for one searchable type (search.registry), the default one unless named.
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Paginator

from portal.facets import facets_from_counts
from portal.listing import PAGE_SIZE, SEARCH_SORTS, chosen_sort

from . import breaker, registry
from .engines.base import EngineError, Query
from .engines.cluster import ClusterEngine
from .engines.database import DatabaseEngine
from .models import PendingIndexUpdate

logger = logging.getLogger(__name__)
_engines = {}


def get_engine(declaration):
    if not settings.SEARCH_URL:
        return DatabaseEngine(declaration)
    key = (declaration, settings.SEARCH_URL, settings.SEARCH_INDEX, settings.SEARCH_TIMEOUT)
    if key not in _engines:
        if len(_engines) > 20:  # settings changed many times (tests): forget old clients
            _engines.clear()
        _engines[key] = ClusterEngine(declaration)
    return _engines[key]


@dataclass
class Outcome:
    query: Query
    practices: object  # a Django page of result pages, each with `.snippet`
    total: int
    facets: list = field(default_factory=list)
    spelling: str = ""
    engine: str = "database"
    degraded: bool = False
    expanded: list = field(default_factory=list)  # (facet param, code) the query words named


def _with_fallback(declaration, method, *args):
    """The cluster's answer, or the database's when the cluster fails or the breaker is open
    (see search.breaker)."""
    engine = get_engine(declaration)
    if engine.name == DatabaseEngine.name:
        return getattr(engine, method)(*args), engine.name, False
    state = breaker.check()
    if state != breaker.OPEN:
        try:
            answer = getattr(engine, method)(*args)
        except EngineError as error:
            logger.warning("Search cluster failed on %s; answering from the database", method)
            breaker.trip(error)
        else:
            if state == breaker.PROBE:
                breaker.close()
            return answer, engine.name, False
    return getattr(DatabaseEngine(declaration), method)(*args), "database", True


def _public(declaration, ids):
    """Live, public pages for these ids, in the same order."""
    pages = declaration.results_queryset().in_bulk(ids)
    return [pages[pk] for pk in ids if pk in pages]


def search(
    text="", filters=None, language="en", sort="relevance", page=1, per_page=PAGE_SIZE, kind=None
):
    declaration = registry.get(kind)
    query = Query(
        text=text.strip()[:200],
        filters=filters or {},
        language=language,
        sort=chosen_sort(sort, SEARCH_SORTS),
        page=max(1, page),
        per_page=per_page,
    )
    results, engine, degraded = _with_fallback(declaration, "search", query)
    paginator = Paginator(range(results.total), per_page)
    number = min(query.page, paginator.num_pages)
    if number != query.page:  # past the last page: show the last one
        query.page = number
        results, engine, degraded = _with_fallback(declaration, "search", query)
    found = _public(declaration, [hit.page_id for hit in results.hits])
    snippets = {hit.page_id: hit.snippet for hit in results.hits}
    for result in found:
        result.snippet = snippets.get(result.pk, "")
    page_obj = paginator.page(number)
    page_obj.object_list = found
    return Outcome(
        query=query,
        practices=page_obj,
        total=results.total,
        facets=facets_from_counts(declaration.facets, results.counts, query.filters),
        spelling=results.spelling,
        engine=engine,
        degraded=degraded,
        expanded=results.expanded,
    )


def all_results(text="", filters=None, language="en", sort="relevance", kind=None, batch=500):
    """Every result of a search, in order, as lists of live, public pages of `batch` results
    (for exports): one engine search per list, so that no more than a batch is in memory."""
    number = 1
    while True:
        outcome = search(text, filters, language, sort, page=number, per_page=batch, kind=kind)
        if outcome.practices.number < number:  # past the last page
            return
        yield list(outcome.practices.object_list)
        if not outcome.practices.has_next():
            return
        number += 1


def related(page, limit=3):
    """Pages like `page`, of the type that indexes it."""
    declaration = registry.for_model(type(page))[0]
    ids, _engine, _degraded = _with_fallback(declaration, "related", page, limit)
    return _public(declaration, ids)


def suggest(prefix, language="en", limit=8, kind=None):
    if len(prefix.strip()) < 2:
        return []
    declaration = registry.get(kind)
    ids, _engine, _degraded = _with_fallback(
        declaration, "suggest", prefix.strip()[:100], language, limit
    )
    return [{"title": page.title, "url": page.url} for page in _public(declaration, ids)]


def health(kind=None):
    """The engine's real state (the cluster is always asked) and, with a cluster, the
    breaker's: whether searches are answered from the database meanwhile, and until when."""
    engine = get_engine(registry.get(kind))
    status = engine.health()
    if engine.name != DatabaseEngine.name:
        status.update(breaker.status())
    return {"engine": engine.name, "pending_updates": PendingIndexUpdate.objects.count(), **status}
