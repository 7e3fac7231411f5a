"""The cluster index follows the database: after-commit updates, catch-up after an outage,
atomic rebuilds that keep searches answering, and a drift check."""

import threading
from io import StringIO

from django.core.management import call_command
from django.db import transaction

from wagtail.models import PageViewRestriction

import pytest

from search import indexing, registry, service
from search.engines.base import Query
from search.engines.cluster import ClusterEngine
from search.models import PendingIndexUpdate
from tests.search.conftest import index_now
from tests.search.proxy import BlackHole, Proxy

pytestmark = pytest.mark.django_db


def found(text):
    return [p.title for p in service.search(text).practices]


def test_publish_unpublish_restrict_and_delete_keep_the_index_current(
    use_engine, make_practice, django_capture_on_commit_callbacks
):
    index_now()
    page = make_practice(title="Mobile health clinic", summary="A bus with nurses.", live=False)
    assert found("clinic") == []
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert found("clinic") == ["Mobile health clinic"]

    page.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert found("clinic") == []

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert found("clinic") == []

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.filter(page=page).delete()
    assert found("clinic") == ["Mobile health clinic"]

    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert found("clinic") == []
    assert indexing.drift() == {"missing": [], "stale": [], "documents": 0}


def test_a_rolled_back_publication_leaves_nothing_behind(
    use_engine, make_practice, django_capture_on_commit_callbacks
):
    index_now()
    page = make_practice(title="Ghost practice", live=False)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                page.save_revision().publish()
                raise RuntimeError("the save fails after publishing")
        except RuntimeError:
            pass
    assert callbacks == []
    assert found("ghost") == []


def test_updates_missed_during_an_outage_are_caught_up(
    use_engine, engine_url, make_practice, django_capture_on_commit_callbacks
):
    index_now()
    proxy = Proxy(engine_url).start()
    use_engine.SEARCH_URL = proxy.url
    proxy.stop()
    page = make_practice(title="Night shelter", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()  # does not raise although the cluster is down
    assert PendingIndexUpdate.objects.filter(translation_key=str(page.translation_key)).exists()

    proxy.start()  # the cluster is back, same address
    out = StringIO()
    call_command("search_sync", stdout=out)
    assert "Caught up 1 page(s); 0 still waiting." in out.getvalue()
    assert found("shelter") == ["Night shelter"]
    assert indexing.drift()["missing"] == []
    proxy.stop()


def test_publishing_never_hangs_on_a_slow_cluster(
    settings, make_practice, django_capture_on_commit_callbacks
):
    hole = BlackHole()
    settings.SEARCH_URL, settings.SEARCH_TIMEOUT = hole.url, 0.5
    try:
        page = make_practice(title="Slow day", live=False)
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        assert PendingIndexUpdate.objects.filter(translation_key=str(page.translation_key)).exists()
    finally:
        hole.close()


def test_drift_check_finds_and_repairs_missing_and_stale(use_engine, make_practice):
    pages = [make_practice(title=f"Practice {n}") for n in range(3)]
    index_now()
    out = StringIO()
    call_command("search_check", stdout=out)
    assert "3 documents indexed; 0 missing, 0 stale." in out.getvalue()

    client = indexing._client()
    keys = [str(page.translation_key) for page in pages]
    client.delete(index=use_engine.SEARCH_INDEX, id=keys[0], refresh=True)
    client.index(
        index=use_engine.SEARCH_INDEX,
        id="gone",
        body={"translation_key": "gone", "revision": "x"},
        refresh=True,
    )
    client.update(
        index=use_engine.SEARCH_INDEX, id=keys[1], body={"doc": {"revision": "old"}}, refresh=True
    )
    report = indexing.drift()
    assert report["missing"] == [keys[0]]
    assert sorted(report["stale"]) == sorted([keys[1], "gone"])
    with pytest.raises(SystemExit):
        call_command("search_check", stdout=StringIO())
    call_command("search_check", "--fix", stdout=StringIO())
    assert indexing.drift() == {"missing": [], "stale": [], "documents": 3}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_searches_keep_answering_during_a_rebuild(use_engine, make_practice, monkeypatch):
    for number in range(30):
        make_practice(title=f"Welcome desk {number}", summary="A welcome desk for newcomers.")
    indexing.rebuild()
    engine = ClusterEngine(registry.get())
    query = Query(text="welcome desk", per_page=50)
    assert engine.search(query).total == 30

    slow_apply = indexing._apply

    def slowly(page_ids, declaration, client=None, index=None):
        threading.Event().wait(0.3)
        return slow_apply(page_ids, declaration, client=client, index=index)

    monkeypatch.setattr(indexing, "_apply", slowly)
    monkeypatch.setattr(indexing, "BATCH", 3)  # ten slow batches
    answers, stop = [], threading.Event()

    def keep_searching():
        while not stop.is_set():
            answers.append(engine.search(query).total)

    searcher = threading.Thread(target=keep_searching)
    searcher.start()
    try:
        name, count, report = indexing.rebuild()
    finally:
        stop.set()
        searcher.join()
    assert count == 30 and report["missing"] == [] and report["stale"] == []
    assert len(answers) > 10
    assert set(answers) == {30}  # every search during the rebuild saw the whole index
    assert list(indexing._client().indices.get_alias(name=use_engine.SEARCH_INDEX)) == [name]
