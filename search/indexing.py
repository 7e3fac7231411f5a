"""Keeping the engine index current: after-commit updates with short timeouts, a queue of
updates missed while the engine was down, atomic rebuilds behind an alias, and a drift check.

With no SEARCH_URL, nothing here runs: the database engine uses Wagtail's own index.
"""

import logging
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search.documents import document_for, index_body, revision_of
from search.engines.transport import engine_kind, make_client, transport_errors

logger = logging.getLogger(__name__)
BATCH = 500


def enabled():
    return bool(settings.SEARCH_URL)


def practices():
    from practices.models import PracticePage

    return (
        PracticePage.objects.listable()
        .select_related("locale", "organisation__organisation_type")
        .prefetch_related(
            "action_areas", "sub_themes", "countries", "target_groups", "funding_instruments"
        )
    )


def _client(timeout=None):
    return make_client(settings.SEARCH_URL, timeout=timeout)


# -- live updates ------------------------------------------------------------------------------


def schedule(page_ids):
    """Sync these pages with the index once the current transaction has committed."""
    if not enabled() or not page_ids:
        return
    transaction.on_commit(partial(sync, sorted(set(page_ids))))


def sync(page_ids):
    """Index the public pages among `page_ids`, remove the others. Never raises on engine
    trouble: what could not be sent is queued in PendingIndexUpdate and caught up later."""
    from search.models import PendingIndexUpdate

    try:
        _apply(page_ids)
    except (*transport_errors(), BulkError) as error:
        logger.warning("Search index update failed, queued %d page(s): %s", len(page_ids), error)
        for page_id in page_ids:
            PendingIndexUpdate.objects.get_or_create(page_id=page_id)
        return False
    PendingIndexUpdate.objects.filter(page_id__in=page_ids).delete()
    catch_up(limit=100)
    return True


def _apply(page_ids, client=None, index=None):
    client = client or _client()
    index = index or settings.SEARCH_INDEX
    public = {page.pk: page for page in practices().filter(pk__in=page_ids)}
    actions = []
    for page_id in page_ids:
        if page_id in public:
            actions.append({"index": {"_index": index, "_id": str(page_id)}})
            actions.append(document_for(public[page_id]))
        else:
            actions.append({"delete": {"_index": index, "_id": str(page_id)}})
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


class BulkError(Exception):
    """The engine answered but refused some documents (a mapping problem, not an outage)."""


def catch_up(limit=None):
    """Send the updates that were missed while the engine was down. Returns how many."""
    from search.models import PendingIndexUpdate

    pending = list(
        PendingIndexUpdate.objects.order_by("created_at").values_list("page_id", flat=True)[:limit]
    )
    if not pending:
        return 0
    try:
        _apply(pending)
    except (*transport_errors(), BulkError) as error:
        PendingIndexUpdate.objects.filter(page_id__in=pending).update(attempts=F("attempts") + 1)
        logger.warning("Search catch-up failed: %s", error)
        return 0
    PendingIndexUpdate.objects.filter(page_id__in=pending).delete()
    return len(pending)


# -- signals -------------------------------------------------------------------------------------


def _page_changed(sender, instance, **kwargs):
    schedule([instance.pk])


def _subtree_changed(sender, instance, **kwargs):
    from practices.models import PracticePage

    page = instance.page if isinstance(instance, PageViewRestriction) else instance
    ids = list(
        PracticePage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)
    )
    schedule(ids)


def _related_changed(sender, instance, **kwargs):
    """An organisation or a term changed: re-index the practices that show it."""
    from practices.models import PracticePage

    model = sender._meta.model_name
    lookups = {
        "organisation": ["organisation", "partner_organisations"],
        "actionarea": ["action_areas"],
        "subtheme": ["sub_themes"],
        "country": ["countries"],
        "targetgroup": ["target_groups"],
        "fundinginstrument": ["funding_instruments"],
        "organisationtype": ["organisation__organisation_type"],
    }
    ids = set()
    for lookup in lookups.get(model, []):
        ids |= set(PracticePage.objects.filter(**{lookup: instance}).values_list("pk", flat=True))
    schedule(ids)


def connect():
    from portal.models import (
        ActionArea,
        Country,
        FundingInstrument,
        Organisation,
        OrganisationType,
        SubTheme,
        TargetGroup,
    )
    from practices.models import PracticePage

    page_published.connect(_page_changed, sender=PracticePage)
    page_unpublished.connect(_page_changed, sender=PracticePage)
    post_delete.connect(_page_changed, sender=PracticePage)
    post_page_move.connect(_subtree_changed)
    post_save.connect(_subtree_changed, sender=PageViewRestriction)
    post_delete.connect(_subtree_changed, sender=PageViewRestriction)
    for model in (
        Organisation,
        ActionArea,
        SubTheme,
        Country,
        OrganisationType,
        TargetGroup,
        FundingInstrument,
    ):
        post_save.connect(_related_changed, sender=model)


# -- rebuild and drift ---------------------------------------------------------------------


def rebuild(stdout=None):
    """Build a fresh index, swap the alias to it in one step, delete the old one(s)."""
    client = _client(timeout=60)
    alias = settings.SEARCH_INDEX
    name = f"{alias}-{timezone.now():%Y%m%d%H%M%S%f}"
    client.indices.create(index=name, body=index_body(name))
    ids = list(practices().values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        _apply(ids[start : start + BATCH], client=client, index=name)
        if stdout:
            stdout.write(f"  indexed {min(start + BATCH, len(ids))}/{len(ids)}")
    client.indices.refresh(index=name)
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
    report = drift(repair=True)
    return name, len(ids), report


def drift(repair=False):
    """Compare the index with the database: missing, stale and extra documents."""
    client = _client(timeout=30)
    alias = settings.SEARCH_INDEX
    from practices.models import PracticePage

    listable = PracticePage.objects.listable().only("pk", "live_revision_id", "last_published_at")
    expected = {page.pk: revision_of(page) for page in listable}
    indexed = {}
    response = client.search(
        index=alias,
        body={"query": {"match_all": {}}, "_source": ["revision"], "size": 1000, "sort": ["_doc"]},
        scroll="2m",
    )
    scroll_id = response.get("_scroll_id")
    while response["hits"]["hits"]:
        for hit in response["hits"]["hits"]:
            indexed[int(hit["_id"])] = hit["_source"].get("revision")
        response = client.scroll(body={"scroll_id": scroll_id, "scroll": "2m"})
        scroll_id = response.get("_scroll_id")
    if scroll_id:
        client.clear_scroll(body={"scroll_id": scroll_id})
    missing = sorted(set(expected) - set(indexed))
    extra = sorted(set(indexed) - set(expected))
    stale = sorted(pk for pk in set(expected) & set(indexed) if expected[pk] != indexed[pk])
    if repair and (missing or extra or stale):
        _apply(missing + extra + stale, client=client)
        client.indices.refresh(index=alias)
    return {"missing": missing, "stale": stale + extra, "documents": len(indexed)}
