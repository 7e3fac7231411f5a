"""RSS and Atom feeds of the practice library and of search results, for any filter."""

import datetime
import xml.etree.ElementTree as ET

from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from tests.utils import soup

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def rss_titles(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]


def published(practice, days_ago):
    when = timezone.now() - datetime.timedelta(days=days_ago)
    type(practice).objects.filter(pk=practice.pk).update(
        first_published_at=when, last_published_at=when
    )


@pytest.fixture
def practices(make_practice):
    housing = make_practice(
        title="Housing first in Lyon", action_areas=["housing"], countries=["fr"]
    )
    published(housing, 3)
    newer = make_practice(title="Shared flats in Malmö", action_areas=["housing"], countries=["se"])
    published(newer, 1)
    health = make_practice(title="Health mediators", action_areas=["health"])
    published(health, 2)
    make_practice(title="Draft housing", action_areas=["housing"], live=False)
    private = make_practice(title="Members-only housing", action_areas=["housing"])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return housing, newer, health


def test_library_feed_holds_exactly_the_matching_public_practices_newest_first(client, practices):
    assert rss_titles(client.get("/en/practices/feed.rss?area=housing")) == [
        "Shared flats in Malmö",
        "Housing first in Lyon",
    ]
    assert b"<language>en</language>" in client.get("/en/practices/feed.rss").content
    assert rss_titles(client.get("/en/practices/feed.rss?area=housing&country=se")) == [
        "Shared flats in Malmö"
    ]
    assert rss_titles(client.get("/en/practices/feed.rss")) == [
        "Shared flats in Malmö",
        "Health mediators",
        "Housing first in Lyon",
    ]
    atom = ET.fromstring(client.get("/en/practices/feed.atom?area=health").content)
    assert [e.findtext(f"{ATOM}title") for e in atom.iter(f"{ATOM}entry")] == ["Health mediators"]


def test_search_feed_follows_words_and_filters(client, practices):
    assert rss_titles(client.get("/en/search/feed.rss?q=Lyon")) == ["Housing first in Lyon"]
    assert rss_titles(client.get("/en/search/feed.rss?area=housing")) == [
        "Shared flats in Malmö",
        "Housing first in Lyon",
    ]
    assert client.get("/en/search/feed.atom?q=health").status_code == 200


def test_listings_link_their_feeds_and_offer_subscribe(client, practices):
    page = soup(client.get("/en/practices/?area=housing&page=1"))
    alternate = page.select_one('link[rel=alternate][type="application/rss+xml"]')
    assert alternate["href"] == "/en/practices/feed.rss?area=housing"
    follow = page.select_one(".follow")
    assert "Subscribe" in follow.get_text()
    assert follow.select_one('a[type="application/atom+xml"]')["href"] == (
        "/en/practices/feed.atom?area=housing"
    )
    assert "Sign in to get email alerts" in follow.get_text()
    search = soup(client.get("/en/search/?q=housing"))
    assert search.select_one('link[rel=alternate][type="application/rss+xml"]')["href"] == (
        "/en/search/feed.rss?q=housing"
    )


def test_an_unknown_feed_type_is_a_clear_error(client, practices):
    response = client.get("/en/practices/feed.xml")
    assert response.status_code in (400, 404)
