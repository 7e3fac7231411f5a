"""When the cluster is unreachable, slow or erroring, search answers from the database,
says so discreetly, logs it, and never shows an error page."""

import pytest

from search import service
from tests.search.conftest import index_now
from tests.search.proxy import BlackHole, Proxy, closed_port_url
from tests.utils import card_titles, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices(make_practice):
    make_practice(
        title="Housing First for young refugees",
        summary="Own flat first.",
        action_areas=["housing"],
    )
    make_practice(title="Language café", summary="Conversation groups.")


def assert_degraded_page(client):
    response = client.get("/en/search/?q=housing")
    assert response.status_code == 200
    assert card_titles(response) == ["Housing First for young refugees"]
    assert "Search is running in a simpler mode" in text(response)


def test_unreachable_cluster(client, settings, practices, caplog):
    settings.SEARCH_URL = closed_port_url()
    assert_degraded_page(client)
    assert "Search cluster did not answer" in caplog.text


def test_slow_cluster_times_out(client, settings, practices):
    hole = BlackHole()
    try:
        settings.SEARCH_URL = hole.url
        settings.SEARCH_TIMEOUT = 0.5
        assert_degraded_page(client)
        outcome = service.search("housing")
        assert outcome.degraded and outcome.engine == "database"
    finally:
        hole.close()


def test_erroring_cluster(client, use_engine, practices):
    # The alias was never built: the cluster answers 404 index_not_found.
    assert_degraded_page(client)


def test_cluster_stopping_mid_way(client, use_engine, practices, engine_url):
    index_now()
    proxy = Proxy(engine_url).start()
    use_engine.SEARCH_URL = proxy.url
    first = service.search("housing")
    assert first.engine == "cluster" and not first.degraded
    proxy.stop()
    second = service.search("housing")
    assert second.degraded and [p.title for p in second.practices] == [
        "Housing First for young refugees"
    ]
    assert_degraded_page(client)
    suggestions = client.get("/en/search/suggest/?q=hous").json()["suggestions"]
    assert [s["title"] for s in suggestions] == ["Housing First for young refugees"]


def test_related_and_suggest_fall_back_too(settings, make_practice, practices):
    settings.SEARCH_URL = closed_port_url()
    practice = make_practice(title="Housing advice desk", action_areas=["housing"])
    assert [p.title for p in service.related(practice)] == ["Housing First for young refugees"]
    assert {s["title"] for s in service.suggest("Housing")} == {
        "Housing advice desk",
        "Housing First for young refugees",
    }


def test_health_check_reports_the_cluster(client, use_engine, practices, settings):
    index_now()
    healthy = client.get("/health/search/").json()
    assert (
        healthy["status"] == "ok" and healthy["documents"] == 2 and healthy["engine"] == "cluster"
    )
    settings.SEARCH_URL = closed_port_url()
    response = client.get("/health/search/")
    assert response.status_code == 503 and response.json()["status"] == "down"
