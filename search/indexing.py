"""Keeping the cluster index current: after-commit updates in a background task, a queue of
updates missed while the cluster was down (retried by the task and by `search_sync`), atomic
rebuilds behind an alias, and a drift check. Generic: what to index comes from the registered
declarations (search.registry).

With no SEARCH_URL, nothing here runs: the database engine uses Wagtail's own index.
"""

import logging
import uuid
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.tasks import background_task
from search import breaker, registry
from search.documents import document_for, group_revision, index_body
from search.engines.transport import engine_kind, make_client, transport_errors
from search.models import PendingIndexUpdate

logger = logging.getLogger(__name__)
BATCH = 500


def enabled():
    return bool(settings.SEARCH_URL)


def _client(timeout=None):
    return make_client(settings.SEARCH_URL, timeout=timeout)


# -- live updates ------------------------------------------------------------------------------


def schedule(keys):
    """Sync these translation groups with the index in the background (search.indexing
    .index_groups, a task) once the transaction commits: no request waits for the cluster."""
    if not enabled() or not keys:
        return
    transaction.on_commit(partial(index_groups.enqueue, sorted({str(key) for key in keys})))


class IndexUnavailable(Exception):
    """The cluster did not take an update (down, slow, refusing, or the breaker is open)."""


@background_task(retry_on=(IndexUnavailable,), attempts=5, delay=30)
def index_groups(keys):
    """The task behind `schedule`: `sync`, retried with back-off while the update waits in
    PendingIndexUpdate (where `search_sync` also finds it)."""
    if not sync(keys):
        raise IndexUnavailable(f"{len(keys)} page group(s) queued for the search index")


def sync(keys):
    """Index the groups among `keys` that have a public version, remove the others.
    Never raises on cluster trouble: what could not be sent is queued in PendingIndexUpdate
    and caught up later. While the breaker is open (search.breaker) nothing is tried."""
    state = breaker.check()
    if state == breaker.OPEN:
        _queue(keys, "the search breaker is open")
        return False
    try:
        _apply_everywhere(keys)
    except transport_errors() as error:
        breaker.trip(error)
        _queue(keys, error)
        return False
    except BulkError as error:
        _queue(keys, error)
        return False
    if state == breaker.PROBE:
        breaker.close()
    PendingIndexUpdate.objects.filter(translation_key__in=keys).delete()
    catch_up(limit=100)
    return True


def _queue(keys, reason):
    logger.warning("Search index update not sent, queued %d page group(s): %s", len(keys), reason)
    for key in keys:
        PendingIndexUpdate.objects.get_or_create(translation_key=key)


def _apply_everywhere(keys):
    """Translation keys are UUIDs, unique across page types: each registered type indexes the
    keys it has and deletes the others from its index (a missing document is no error)."""
    client = _client()
    for declaration in registry.declarations():
        _apply(keys, declaration, client=client)


def _apply(keys, declaration, client=None, index=None):
    client = client or _client()
    index = index or declaration.alias
    groups = {}
    pages = declaration.index_queryset().filter(
        translation_key__in=[k for k in keys if _is_uuid(k)]
    )
    for page in pages:
        groups.setdefault(declaration.key_of(page), []).append(page)
    actions = []
    for key in keys:
        if key in groups:
            actions.append({"index": {"_index": index, "_id": key}})
            actions.append(document_for(declaration, groups[key]))
        else:
            actions.append({"delete": {"_index": index, "_id": key}})
    if not actions:
        return
    refresh = "wait_for" if settings.SEARCH_REFRESH_ON_WRITE else "false"
    if engine_kind() == "elasticsearch":
        result = client.bulk(operations=actions, refresh=refresh)
    else:
        result = client.bulk(body=actions, refresh=refresh)
    failed = [
        detail
        for item in result["items"]
        for operation, detail in item.items()
        if detail.get("status", 200) >= 300
        and not (operation == "delete" and detail.get("status") == 404)
    ]
    if failed:
        raise BulkError(f"{len(failed)} failed, first: {failed[0]}")


def _is_uuid(value):
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


class BulkError(Exception):
    """The cluster answered but refused some documents (a mapping problem, not an outage)."""


def catch_up(limit=None):
    """Send the updates that were missed while the cluster was down. Returns how many."""
    pending = list(
        PendingIndexUpdate.objects.order_by("created_at").values_list("translation_key", flat=True)[
            :limit
        ]
    )
    if not pending:
        return 0
    try:
        _apply_everywhere(pending)
    except (*transport_errors(), BulkError) as error:
        if not isinstance(error, BulkError):
            breaker.trip(error)
        PendingIndexUpdate.objects.filter(translation_key__in=pending).update(
            attempts=F("attempts") + 1
        )
        logger.warning("Search catch-up failed: %s", error)
        return 0
    breaker.close()  # the cluster took the updates: it is back
    PendingIndexUpdate.objects.filter(translation_key__in=pending).delete()
    return len(pending)


# -- signals -------------------------------------------------------------------------------------


def _page_changed(sender, instance, **kwargs):
    schedule([instance.translation_key])


def _subtree_changed(sender, instance, **kwargs):
    """A page moved or its view restrictions changed: every indexed page below it."""
    page = instance.page if isinstance(instance, PageViewRestriction) else instance
    if not isinstance(page, Page):
        return
    keys = set()
    for declaration in registry.declarations():
        pages = declaration.model.objects.descendant_of(page, inclusive=True)
        keys |= set(pages.values_list("translation_key", flat=True))
    schedule(keys)


def _related_changed(sender, instance, **kwargs):
    """Something an indexed page shows changed (an organisation, a term): re-index the pages
    that show it, through the lookups their declarations name."""
    keys = set()
    for declaration in registry.declarations():
        for model, lookups in declaration.related_models.items():
            if not isinstance(instance, model):
                continue
            for lookup in lookups:
                pages = declaration.model.objects.filter(**{lookup: instance})
                keys |= set(pages.values_list("translation_key", flat=True))
    schedule(keys)


def connect():
    for declaration in registry.declarations():
        page_published.connect(_page_changed, sender=declaration.model)
        page_unpublished.connect(_page_changed, sender=declaration.model)
        post_delete.connect(_page_changed, sender=declaration.model)
        for model in declaration.related_models:
            post_save.connect(_related_changed, sender=model)
    post_page_move.connect(_subtree_changed)
    post_save.connect(_subtree_changed, sender=PageViewRestriction)
    post_delete.connect(_subtree_changed, sender=PageViewRestriction)


# -- rebuild and drift ---------------------------------------------------------------------


def rebuild(stdout=None, declaration=None):
    """Build a fresh index, swap the alias to it in one step, delete the old one(s).
    Returns (index name, documents, drift report)."""
    declaration = declaration or registry.get()
    client = _client(timeout=60)
    alias = declaration.alias
    name = f"{alias}-{timezone.now():%Y%m%d%H%M%S%f}"
    client.indices.create(index=name, body=index_body(name, declaration))
    keys = sorted(
        {str(key) for key in declaration.get_queryset().values_list("translation_key", flat=True)}
    )
    for start in range(0, len(keys), BATCH):
        _apply(keys[start : start + BATCH], declaration, client=client, index=name)
        if stdout:
            stdout.write(f"  indexed {min(start + BATCH, len(keys))}/{len(keys)}")
    client.indices.refresh(index=name)
    # One segment: a freshly built index answers faster (≈ 15 % at 100k practices).
    client.indices.forcemerge(index=name, max_num_segments=1)
    old = (
        list(client.indices.get_alias(name=alias).keys())
        if client.indices.exists_alias(name=alias)
        else []
    )
    if client.indices.exists(index=alias) and not old:
        client.indices.delete(index=alias)  # a plain index squatting on the alias name
    actions = [{"remove": {"index": index, "alias": alias}} for index in old]
    actions.append({"add": {"index": name, "alias": alias}})
    client.indices.update_aliases(body={"actions": actions})
    for index in old:
        client.indices.delete(index=index)
    # Pages published or removed while we were building: the drift repair catches them.
    report = drift(repair=True, declaration=declaration)
    return name, len(keys), report


def drift(repair=False, declaration=None):
    """Compare the index with the database: missing, stale and extra documents."""
    declaration = declaration or registry.get()
    client = _client(timeout=30)
    alias = declaration.alias
    public = declaration.get_queryset().only(
        "pk", "translation_key", "live_revision_id", "last_published_at"
    )
    groups = {}
    for page in public:
        groups.setdefault(declaration.key_of(page), []).append(page)
    expected = {key: group_revision(pages) for key, pages in groups.items()}
    indexed = {}
    response = client.search(
        index=alias,
        body={"query": {"match_all": {}}, "_source": ["revision"], "size": 1000, "sort": ["_doc"]},
        scroll="2m",
    )
    scroll_id = response.get("_scroll_id")
    while response["hits"]["hits"]:
        for hit in response["hits"]["hits"]:
            indexed[hit["_id"]] = hit["_source"].get("revision")
        response = client.scroll(body={"scroll_id": scroll_id, "scroll": "2m"})
        scroll_id = response.get("_scroll_id")
    if scroll_id:
        client.clear_scroll(body={"scroll_id": scroll_id})
    missing = sorted(set(expected) - set(indexed))
    extra = sorted(set(indexed) - set(expected))
    stale = sorted(pk for pk in set(expected) & set(indexed) if expected[pk] != indexed[pk])
    if repair and (missing or extra or stale):
        _apply(missing + extra + stale, declaration, client=client)
        client.indices.refresh(index=alias)
    return {"missing": missing, "stale": stale + extra, "documents": len(indexed)}
