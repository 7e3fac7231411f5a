"""Index updates are background tasks: publishing enqueues one after the commit and never
waits for the cluster; the real worker (`manage.py db_worker`) sends it; when the cluster is
down, slow or the breaker is open, the update waits in PendingIndexUpdate and the task is
retried later."""

import os
import subprocess
import sys

import pytest
from django_tasks_db.models import DBTaskResult

from search import service
from search.models import PendingIndexUpdate
from tests.portal.test_processes import ROOT, database_url
from tests.search.conftest import index_now
from tests.search.proxy import BlackHole, Proxy

TASK = "search.indexing.index_groups"


def worker(settings, **environment):
    """`manage.py db_worker` in another process, on this test's database and index."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "SEARCH_URL": settings.SEARCH_URL,
        "SEARCH_INDEX": settings.SEARCH_INDEX,
        "SEARCH_TIMEOUT": "2",
        "SEARCH_REFRESH_ON_WRITE": "1",
        "SEARCH_BREAKER_SECONDS": "0",  # each run tries the cluster (else: once per 30 s)
        **environment,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def found(text):
    outcome = service.search(text)
    return outcome.engine, [page.title for page in outcome.practices]


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_sends_what_publishing_enqueued(use_engine, database_queue, make_practice):
    index_now()
    page = make_practice(title="Mobile health clinic", summary="A bus with nurses.", live=False)
    page.save_revision().publish()
    update = DBTaskResult.objects.get(task_path=TASK)
    assert update.status == "READY" and update.args_kwargs["args"] == [[str(page.translation_key)]]
    assert found("clinic") == ("cluster", [])  # not sent by the request

    worker(use_engine)
    assert DBTaskResult.objects.get(task_path=TASK).status == "SUCCESSFUL"
    assert found("clinic") == ("cluster", ["Mobile health clinic"])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_update_the_cluster_missed_waits_and_is_retried(
    use_engine, engine_url, database_queue, make_practice
):
    index_now()
    proxy = Proxy(engine_url).start()
    use_engine.SEARCH_URL = proxy.url
    proxy.stop()  # the cluster is down
    page = make_practice(title="Night shelter", live=False)
    page.save_revision().publish()

    worker(use_engine)
    failed = DBTaskResult.objects.get(task_path=TASK, status="FAILED")
    assert failed.exception_class_path == "search.indexing.IndexUnavailable"
    retry = DBTaskResult.objects.get(task_path=TASK, status="READY")
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert PendingIndexUpdate.objects.filter(translation_key=str(page.translation_key)).exists()

    proxy.start()  # back at the same address
    try:
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=retry.enqueued_at)
        worker(use_engine)
        assert DBTaskResult.objects.get(pk=retry.pk).status == "SUCCESSFUL"
        assert not PendingIndexUpdate.objects.exists()
        assert found("shelter") == ("cluster", ["Night shelter"])
    finally:
        proxy.stop()


@pytest.mark.django_db
def test_publishing_while_the_breaker_is_open_never_waits_for_the_cluster(
    settings, make_practice, django_capture_on_commit_callbacks, caplog
):
    hole = BlackHole()
    settings.SEARCH_URL, settings.SEARCH_TIMEOUT = hole.url, 0.5
    try:
        service.search("anything")  # finds the cluster hung: the breaker opens
        assert hole.connections == 1
        page = make_practice(title="Slow day", live=False)
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        assert hole.connections == 1  # no run of the update even tried: none waited
        assert PendingIndexUpdate.objects.filter(translation_key=str(page.translation_key)).exists()
        assert "IndexUnavailable: 1 page group(s) queued" in caplog.text  # raised: retried
    finally:
        hole.close()
