"""The events RSS and Atom feeds follow the listing's filters, as the calendar feed does."""

import datetime
import xml.etree.ElementTree as ET

from django.utils import timezone

import pytest

from tests.utils import soup

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def events(make_event):
    make_event(title="Housing webinar", start_date=days(5), action_areas=["housing"], country="de")
    make_event(title="Health day", start_date=days(8), action_areas=["health"], country="fr")
    make_event(title="Housing workshop", start_date=days(-20), action_areas=["housing"])


def rss_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]


def test_rss_and_atom_follow_filters(client, events, events_page):
    url = events_page.url
    assert [t.split(" (")[0] for t in rss_titles(client, url + "feed.rss?area=housing")] == [
        "Housing webinar"
    ]
    assert [t.split(" (")[0] for t in rss_titles(client, url + "feed.rss?country=fr")] == [
        "Health day"
    ]
    past = rss_titles(client, url + "feed.rss?area=housing&when=past")
    assert [t.split(" (")[0] for t in past] == ["Housing workshop"]
    atom = ET.fromstring(client.get(url + "feed.atom?area=health").content)
    titles = [e.findtext(f"{ATOM}title").split(" (")[0] for e in atom.iter(f"{ATOM}entry")]
    assert titles == ["Health day"]


def test_events_listing_links_the_filtered_feeds(client, events, events_page):
    page = soup(client.get(events_page.url + "?area=housing"))
    rss = page.select_one('link[rel=alternate][type="application/rss+xml"]')["href"]
    assert rss == events_page.url + "feed.rss?area=housing"
    assert "Subscribe" in page.select_one(".follow").get_text()
