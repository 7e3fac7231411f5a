"""Anonymous readers get whole pages from the shared cache; every change they would see is
visible on their next request, in every language; signed-in users and forms are never cached."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.core.management import call_command

from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.models import Translation, TranslationSource

import pytest

from portal.models import ActionArea

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


def get(client, url, **kwargs):
    response = client.get(url, **kwargs)
    return response, response.content.decode(), response.get("X-Page-Cache")


@pytest.fixture
def practice(make_practice):
    return make_practice(title="Shared flats for newcomers", action_areas=["housing"])


@pytest.fixture
def translated(practice, django_capture_on_commit_callbacks):
    """The practice and its Swedish translation, each in its own library."""
    with django_capture_on_commit_callbacks(execute=True):
        call_command("sync_locales", "--languages", "sv")
        source, _ = TranslationSource.get_or_create_from_instance(practice)
        Translation.objects.create(
            source=source, target_locale=Locale.objects.get(language_code="sv")
        ).save_target(publish=True)
    swedish = practice.get_translation(Locale.objects.get(language_code="sv"))
    swedish.title = "Delade lägenheter"
    swedish.save_revision().publish()
    return practice, swedish


def warm(client, *urls):
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit", url


def test_the_second_anonymous_reader_gets_the_cached_page(client, practice):
    first, html, state = get(client, practice.url)
    assert (first.status_code, state) == (200, "miss")
    second, cached, state = get(client, practice.url)
    assert (second.status_code, state) == (200, "hit")
    assert cached == html and "Shared flats for newcomers" in cached
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Security-Policy"]  # the outer middleware still adds its headers


def test_signed_in_users_are_never_served_or_stored(client, make_user, practice):
    warm(client, practice.url)
    client.force_login(make_user("member@example.org"))
    for _ in range(2):
        response, html, state = get(client, practice.url)
        assert response.status_code == 200 and state is None
        assert "Sign out" in html
    client.logout()
    _response, html, _state = get(client, practice.url)
    assert "Sign out" not in html


def test_forms_are_not_cached(client):
    for _ in range(2):
        response, html, state = get(client, "/en/accounts/login/")
        assert response.status_code == 200 and state is None
        assert "csrfmiddlewaretoken" in html


def test_a_published_change_shows_at_once_in_every_language(client, translated):
    practice, swedish = translated
    urls = [practice.url, swedish.url, "/en/practices/", "/sv/practices/", "/en/", "/sv/"]
    warm(client, *urls)

    practice.title = "Shared flats, second edition"
    practice.save_revision().publish()
    swedish.title = "Delade lägenheter, andra upplagan"
    swedish.save_revision().publish()

    for url in (practice.url, "/en/practices/"):
        assert "Shared flats, second edition" in get(client, url)[1], url
    for url in (swedish.url, "/sv/practices/"):
        assert "Delade lägenheter, andra upplagan" in get(client, url)[1], url


def test_an_unpublished_practice_disappears_everywhere(client, practice):
    warm(client, practice.url, "/en/practices/", "/en/")
    practice.unpublish()
    assert client.get(practice.url).status_code == 404
    assert "Shared flats for newcomers" not in get(client, "/en/practices/")[1]


def test_a_moved_page_is_found_at_its_new_address(client, practice, home):
    warm(client, practice.url, "/en/practices/")
    old = practice.url
    practice.move(home, pos="last-child")
    practice.refresh_from_db()
    assert client.get(old).status_code == 301  # Wagtail's automatic redirect, not the cache
    assert "Shared flats for newcomers" in get(client, practice.url)[1]


def test_a_restricted_page_is_no_longer_served_to_anonymous_readers(client, practice):
    warm(client, practice.url)
    PageViewRestriction.objects.create(page=practice, restriction_type="login")
    response = client.get(practice.url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_renamed_organisation_shows_on_its_practices(client, practice):
    warm(client, practice.url)
    organisation = practice.organisation
    organisation.name = "Renamed Housing Office"
    organisation.save()
    assert "Renamed Housing Office" in get(client, practice.url)[1]


def test_a_relabelled_term_shows_in_the_library(client, practice):
    warm(client, "/en/practices/")
    area = ActionArea.objects.get(code="housing", locale__language_code="en")
    area.name = "Homes and housing"
    area.save()
    assert "Homes and housing" in get(client, "/en/practices/")[1]


def test_filtered_listings_are_cached_per_address(client, practice, make_practice):
    make_practice(title="Night school for adults", action_areas=["education-and-training"])
    housing, html, _ = get(client, "/en/practices/?area=housing")
    education, other, _ = get(client, "/en/practices/?area=education-and-training")
    assert "Shared flats for newcomers" in html and "Night school for adults" not in html
    assert "Night school for adults" in other and "Shared flats for newcomers" not in other
    assert get(client, "/en/practices/?area=housing")[1] == html


def test_a_session_cookie_bypasses_the_cache(client, practice):
    warm(client, practice.url)
    client.cookies["sessionid"] = "not-a-session"
    assert client.get(practice.url).get("X-Page-Cache") is None


def test_switched_off_with_zero_seconds(client, practice, settings):
    settings.PAGE_CACHE_SECONDS = 0
    for _ in range(2):
        assert client.get(practice.url).get("X-Page-Cache") is None


class PurgeRecorder(BaseHTTPRequestHandler):
    """A front cache (as Varnish or nginx are configured to): records the PURGE requests."""

    purged = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.purged.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def front_cache(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    PurgeRecorder.purged = []
    yield PurgeRecorder.purged
    server.shutdown()
    server.server_close()


def test_a_front_cache_is_told_what_shows_a_published_page(client, translated, front_cache):
    practice, swedish = translated
    assert "s-maxage=300" in client.get(practice.url)["Cache-Control"]
    front_cache.clear()
    practice.title = "Shared flats, second edition"
    practice.save_revision().publish()
    purged = set(front_cache)
    assert {practice.url, "/en/practices/", "/en/", "/en/practices/feed.rss"} <= purged
    assert {swedish.url, "/sv/practices/", "/sv/"} <= purged  # the other languages' versions
    assert "/sitemap.xml" in purged
