"""What every open-data answer shares: conditional GET (304 until something changes), CORS
open for reading, the anonymous rate limit with a clear 429, problem details."""

import datetime

from django.utils import timezone

import pytest

from portal.models import Revision

pytestmark = pytest.mark.django_db

URLS = [
    "/api/v1/practices?area=education-and-training",
    "/api/v1/events",
    "/api/v1/organisations",
    "/api/v1/taxonomy",
    "/catalog.ttl",
]


@pytest.fixture
def practice(make_practice, organisation):
    return make_practice(title="Homework club", organisation=organisation)


@pytest.mark.parametrize("url", URLS)
def test_unchanged_data_is_not_sent_again(client, practice, url):
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""
    since = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304
    other = client.get(url + ("&" if "?" in url else "?") + "page_size=5")
    assert other.status_code in (200, 400) and other.get("ETag") != first["ETag"]


def test_a_publication_changes_the_answer(client, practice):
    url = "/api/v1/practices"
    earlier = timezone.now() - datetime.timedelta(seconds=10)
    Revision.objects.update(changed_at=earlier)  # the last change, well before the publication
    first = client.get(url)
    practice.title = "Homework club for everyone"
    practice.save_revision().publish()
    changed = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    assert changed.json()["results"][0]["title"] == "Homework club for everyone"
    later = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
    assert later.status_code == 200 and changed["Last-Modified"] != first["Last-Modified"]


def test_an_event_becoming_past_changes_the_event_list(client, make_event, organisation):
    event = make_event(title="Soon over", organisation=organisation)
    first = client.get("/api/v1/events")
    assert [item["title"] for item in first.json()["results"]] == ["Soon over"]
    past = timezone.now() - datetime.timedelta(minutes=1)
    type(event).objects.filter(pk=event.pk).update(end_utc=past)  # the clock moved on
    again = client.get("/api/v1/events", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 200 and again.json()["results"] == []


@pytest.mark.parametrize("url", [*URLS, "/api/v1/openapi.json", "/api/v1/practices?area=zz"])
def test_cors_is_open_for_reading(client, practice, url):
    response = client.get(url, headers={"Origin": "https://example.org"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        url,
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]


def test_anonymous_clients_are_limited_with_a_clear_429(client, settings, practice, make_user):
    settings.API_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get("/api/v1/taxonomy").status_code == 200
    response = client.get("/api/v1/practices")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert 1 <= int(response["Retry-After"]) <= 60
    problem = response.json()
    assert problem["status"] == 429 and "3 requests a minute" in problem["detail"]
    assert response["Access-Control-Allow-Origin"] == "*"
    # Another address has its own allowance; signed-in users are not limited.
    assert client.get("/api/v1/taxonomy", REMOTE_ADDR="10.0.0.9").status_code == 200
    client.force_login(make_user("reader@example.org"))
    assert client.get("/api/v1/taxonomy").status_code == 200


def test_writing_is_refused_as_a_problem(client):
    response = client.post("/api/v1/practices", {"title": "x"})
    assert response.status_code == 405 and response.json()["status"] == 405
    assert "GET" in response["Allow"]


def test_head_answers_like_get_without_a_body(client, practice):
    get = client.get("/api/v1/practices")
    head = client.head("/api/v1/practices")
    assert head.status_code == 200 and head.content == b""
    assert head["ETag"] == get["ETag"] and head["Access-Control-Allow-Origin"] == "*"
