"""A real three-node cluster (tests/opensearch/node.sh, each node its own JVM) on ports of its
own: with one replica per shard, stopping a node while searches and publications go on loses
no search and no index update. Slow (it starts three nodes): marked `cluster`."""

import os
import shutil
import subprocess
import threading
import time
import urllib.request
import uuid
from io import StringIO

from django.core.management import call_command
from django.db import connection

import pytest

from search import indexing, service
from search.engines.transport import make_client
from tests.portal.test_processes import ROOT

pytestmark = [
    pytest.mark.cluster,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
NODES = 3
RUNNER = ROOT / "tests/opensearch/node.sh"
ENVIRONMENT = {
    "OPENSEARCH_NODES": str(NODES),
    "OPENSEARCH_BASE_PORT": "9260",  # HTTP 9261-9263, transport 10261-10263
    "OPENSEARCH_CLUSTER_NAME": "integra-cluster-test",
    "OPENSEARCH_HEAP": "384m",
}


def runner(*args):
    return subprocess.run(
        [str(RUNNER), *args],
        env={**os.environ, **ENVIRONMENT},
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    ).stdout.strip()


@pytest.fixture
def cluster():
    """The nodes' URLs, comma-separated; the cluster is stopped afterwards."""
    if not (shutil.which("java") and shutil.which("mvn")):
        if os.environ.get("CI"):
            pytest.fail("CI needs Java and Maven for the cluster test.")
        pytest.skip("Java and Maven are needed to start a three-node OpenSearch cluster.")
    try:
        yield runner("start")
    finally:
        runner("stop")


def get_json(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (local node)
        return response.read().decode()


def test_a_node_stops_while_searches_and_publications_go_on(settings, cluster, make_practice):
    urls = cluster.split(",")
    settings.SEARCH_URL = cluster
    settings.SEARCH_INDEX = f"test-{uuid.uuid4().hex[:12]}"
    settings.SEARCH_SHARDS, settings.SEARCH_REPLICAS = NODES, 1
    settings.SEARCH_TIMEOUT = 5
    client = make_client(cluster, timeout=60)
    health = client.cluster.health()
    assert (health["cluster_name"], health["number_of_nodes"]) == ("integra-cluster-test", NODES)
    if os.environ.get("TEST_SEARCH_URL"):  # the shared node did not join, nor we it
        assert make_client(os.environ["TEST_SEARCH_URL"]).cluster.health()["number_of_nodes"] == 1

    for number in range(20):
        make_practice(title=f"Welcome desk {number}", summary="A welcome desk for newcomers.")
    indexing.rebuild()
    client.cluster.health(index=settings.SEARCH_INDEX, wait_for_status="green")
    index = next(iter(client.indices.get_settings(index=settings.SEARCH_INDEX).values()))
    assert index["settings"]["index"]["number_of_shards"] == str(NODES)
    assert index["settings"]["index"]["number_of_replicas"] == "1"

    answers, failures, stop = [], [], threading.Event()

    def keep_searching():
        try:
            while not stop.is_set():
                try:
                    outcome = service.search("welcome desk", per_page=50)
                except Exception as error:  # noqa: BLE001 (any failure is what we look for)
                    failures.append(repr(error))
                    continue
                titles = [page.title for page in outcome.practices]
                answers.append((outcome.engine, outcome.total, titles))
        finally:
            connection.close()

    def publish(number):
        page = make_practice(title=f"Welcome desk {number}", summary="Late.", live=False)
        page.save_revision().publish()  # indexed after its commit (search.indexing)

    searcher = threading.Thread(target=keep_searching)
    searcher.start()
    try:
        publish(20)
        publish(21)
        # Stop the elected cluster manager: the hardest node to lose.
        manager = client.cluster.state(metric="cluster_manager_node")["cluster_manager_node"]
        address = client.nodes.info(node_id=manager)["nodes"][manager]["http"]["publish_address"]
        stopped = urls.index(f"http://{address}") + 1
        runner("stop-node", str(stopped))
        for number in range(22, 26):
            publish(number)
            time.sleep(1)
        time.sleep(3)
    finally:
        stop.set()
        searcher.join()

    assert failures == []
    assert len(answers) > 10
    for engine, total, titles in answers:
        assert 20 <= total <= 26 and len(titles) == total, (engine, total)
        assert all(title.startswith("Welcome desk") for title in titles)

    call_command("search_sync", stdout=StringIO())  # what was queued during the failover
    out = StringIO()
    call_command("search_check", stdout=out)
    assert "26 documents indexed; 0 missing, 0 stale." in out.getvalue()
    outcome = service.search("welcome desk", per_page=50)
    assert (outcome.engine, outcome.total) == ("cluster", 26)
