"""The search circuit breaker: after a cluster failure, searches, suggestions and related
practices answer from the database for SEARCH_BREAKER_SECONDS in every process, then one
request probes the cluster. Faults are real sockets: a port that accepts and never answers,
a refused port, a proxy we stop."""

import os
import subprocess
import sys
import threading
import time

from django.db import connection

import pytest

from search import service
from tests.portal.test_processes import ROOT, database_url
from tests.search.conftest import index_now
from tests.search.proxy import BlackHole, Proxy, closed_port_url

pytestmark = pytest.mark.django_db
TIMEOUT = 0.5


@pytest.fixture
def practices(make_practice):
    return [
        make_practice(
            title="Housing First for young refugees",
            summary="Own flat first.",
            action_areas=["housing"],
        ),
        make_practice(title="Housing advice desk", action_areas=["housing"]),
    ]


@pytest.fixture
def hung(settings):
    """The cluster accepts connections and never answers."""
    hole = BlackHole()
    settings.SEARCH_URL, settings.SEARCH_TIMEOUT = hole.url, TIMEOUT
    yield hole
    hole.close()


def searched(text="housing"):
    outcome = service.search(text)
    return outcome.engine, outcome.degraded, sorted(p.title for p in outcome.practices)


DEGRADED = ("database", True, ["Housing First for young refugees", "Housing advice desk"])


def test_a_hung_cluster_costs_one_timeout_per_interval(client, settings, practices, hung):
    def answers():
        assert searched()[2] == DEGRADED[2]
        assert {s["title"] for s in service.suggest("Hous")} == set(DEGRADED[2])
        assert [p.title for p in service.related(practices[0])] == ["Housing advice desk"]
        response = client.get("/en/search/?q=housing")
        assert response.status_code == 200 and b"Housing advice desk" in response.content

    settings.SEARCH_URL, url = "", settings.SEARCH_URL
    answers()  # warm up on the database: templates, the facet index
    settings.SEARCH_URL, settings.SEARCH_BREAKER_SECONDS = url, 60
    begin = time.perf_counter()
    for _ in range(5):
        answers()
    elapsed = time.perf_counter() - begin
    # Twenty answers (20 × 0.5 s without the breaker), one wait for the cluster: the first.
    assert hung.connections == 1
    assert elapsed >= TIMEOUT, elapsed  # (how long the database answers took is the bench's)

    health = client.get("/health/search/").json()  # asks the cluster itself, whatever the breaker
    assert health["status"] == "down" and health["breaker"] == "open"
    assert health["breaker_until"] > time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime())


def test_a_refused_port_is_tried_once_per_interval(settings, practices, caplog):
    settings.SEARCH_URL = closed_port_url()
    settings.SEARCH_BREAKER_SECONDS = 60
    for _ in range(10):
        assert searched() == DEGRADED
    assert caplog.text.count("Search cluster did not answer") == 1
    assert caplog.text.count("Search breaker open for 60 s") == 1


def test_after_the_interval_one_request_probes_the_cluster(settings, practices, hung):
    settings.SEARCH_BREAKER_SECONDS = 1
    assert searched() == DEGRADED
    assert searched() == DEGRADED
    assert hung.connections == 1
    time.sleep(1.1)
    begin = time.perf_counter()
    assert searched() == DEGRADED  # the probe: it waits for the cluster, then falls back
    assert time.perf_counter() - begin >= TIMEOUT
    assert hung.connections == 2
    assert searched() == DEGRADED  # open again for an interval
    assert hung.connections == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_while_one_request_probes_the_others_use_the_database(settings, practices, hung):
    settings.SEARCH_BREAKER_SECONDS = 1
    searched()
    time.sleep(1.1)
    probe = {}

    def probing():
        try:
            probe["answer"] = searched()
        finally:
            connection.close()

    thread = threading.Thread(target=probing)
    thread.start()
    deadline = time.monotonic() + 5
    while hung.connections < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert hung.connections == 2  # the probe is waiting for the cluster
    for _ in range(5):
        assert searched() == DEGRADED  # at once, from the database: no new connection below
    thread.join()
    assert probe["answer"] == DEGRADED
    assert hung.connections == 2


def test_a_healthy_cluster_closes_the_breaker(client, use_engine, engine_url, practices):
    index_now()
    use_engine.SEARCH_BREAKER_SECONDS = 5  # long enough for two requests on a loaded machine
    proxy = Proxy(engine_url).start()
    use_engine.SEARCH_URL = proxy.url
    assert searched()[0] == "cluster"
    proxy.stop()
    assert searched() == DEGRADED
    proxy.start()  # the cluster is back at the same address
    try:
        assert searched() == DEGRADED  # within the interval: the database still answers
        assert client.get("/health/search/").json()["breaker"] == "open"
        time.sleep(5.1)
        assert searched() == ("cluster", False, DEGRADED[2])  # the probe succeeds
        health = client.get("/health/search/").json()
        assert health["status"] == "ok" and health["breaker"] == "closed"
        assert "breaker_until" not in health
        assert searched()[0] == "cluster"
    finally:
        proxy.stop()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_breaker_is_shared_by_processes(settings, practices, hung):
    settings.SEARCH_BREAKER_SECONDS = 60
    assert searched() == DEGRADED  # this process finds the cluster hung
    assert hung.connections == 1
    script = (
        "import time; from search import service; begin = time.perf_counter();"
        "outcome = service.search('housing');"
        "print(outcome.engine, outcome.degraded, len(outcome.practices.object_list),"
        " round(time.perf_counter() - begin, 3))"
    )
    environment = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "SEARCH_URL": hung.url,
        "SEARCH_TIMEOUT": str(TIMEOUT),
        "SEARCH_BREAKER_SECONDS": "60",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    engine, degraded, found, seconds = result.stdout.splitlines()[-1].split()
    assert (engine, degraded, found) == ("database", "True", "2")
    assert hung.connections == 1  # the other process never tried the cluster
