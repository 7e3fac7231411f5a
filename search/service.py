"""The one search interface every view uses: search, related, suggest, health.

Views never talk to an engine. With SEARCH_URL set, the engine engine answers; when it is
unreachable, slow or erroring, the database engine answers instead and the outcome says so.
Every result is re-read from the database as a live, public practice before it is shown.
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Paginator

from practices.library import facets_from_counts
from practices.models import PracticePage

from .engines.base import SORTS, EngineError, Query
from .engines.database import DatabaseEngine

logger = logging.getLogger(__name__)
_engines = {}


def get_engine():
    if not settings.SEARCH_URL:
        return DatabaseEngine()
    key = (settings.SEARCH_URL, settings.SEARCH_INDEX, settings.SEARCH_TIMEOUT)
    if key not in _engines:
        from .engines.elastic import ElasticEngine

        _engines.clear()
        _engines[key] = ElasticEngine()
    return _engines[key]


@dataclass
class Outcome:
    query: Query
    practices: object  # a Django page of PracticePage objects, each with `.snippet`
    total: int
    facets: list = field(default_factory=list)
    spelling: str = ""
    engine: str = "database"
    degraded: bool = False


def _with_fallback(method, *args):
    engine = get_engine()
    try:
        return getattr(engine, method)(*args), engine.name, False
    except EngineError:
        logger.warning("Search engine failed on %s; answering from the database", method)
        return getattr(DatabaseEngine(), method)(*args), "database", True


def _public(ids):
    """Live, public practices for these ids, in the same order."""
    pages = PracticePage.objects.listable().for_listing().in_bulk(ids)
    return [pages[pk] for pk in ids if pk in pages]


def search(text="", filters=None, language="en", sort="relevance", page=1, per_page=10):
    query = Query(
        text=text.strip()[:200],
        filters=filters or {},
        language=language,
        sort=sort if sort in SORTS else "relevance",
        page=max(1, page),
        per_page=per_page,
    )
    results, engine, degraded = _with_fallback("search", query)
    paginator = Paginator(range(results.total), per_page)
    number = min(query.page, paginator.num_pages)
    if number != query.page:  # past the last page: show the last one
        query.page = number
        results, engine, degraded = _with_fallback("search", query)
    practices = _public([hit.page_id for hit in results.hits])
    snippets = {hit.page_id: hit.snippet for hit in results.hits}
    for practice in practices:
        practice.snippet = snippets.get(practice.pk, "")
    page_obj = paginator.page(number)
    page_obj.object_list = practices
    return Outcome(
        query=query,
        practices=page_obj,
        total=results.total,
        facets=facets_from_counts(results.counts, query.filters),
        spelling=results.spelling,
        engine=engine,
        degraded=degraded,
    )


def related(page, limit=3):
    ids, _engine, _degraded = _with_fallback("related", page, limit)
    return _public(ids)


def suggest(prefix, language="en", limit=8):
    if len(prefix.strip()) < 2:
        return []
    ids, _engine, _degraded = _with_fallback("suggest", prefix.strip()[:100], language, limit)
    return [{"title": page.title, "url": page.url} for page in _public(ids)]


def health():
    from .models import PendingIndexUpdate

    engine = get_engine()
    status = engine.health()
    return {"engine": engine.name, "pending_updates": PendingIndexUpdate.objects.count(), **status}
