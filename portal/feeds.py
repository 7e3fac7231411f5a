"""RSS and Atom feeds of any listing (`portal.following.Item`s), in the reader's language."""

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

FEED_ITEMS = 50
FEED_TYPES = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


class ListingFeed(Feed):
    """A feed of `items` (newest first) titled and linked as the listing it follows; its
    language is the reader's (Django's `Feed` falls back to the active language)."""

    def __init__(self, title, link, description, items, feed_type="rss"):
        super().__init__()
        self.feed_type = FEED_TYPES[feed_type]
        self._title, self._link, self._description, self._items = title, link, description, items

    def title(self):
        return self._title

    def link(self):
        return self._link

    def description(self):
        return self._description

    def subtitle(self):
        return self._description

    def items(self):
        return self._items[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return item.key

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published


def feed_response(request, feed_type, **feed):
    """The feed's response, or a clear 400 for an unknown type."""
    if feed_type not in FEED_TYPES:
        return HttpResponseBadRequest("Feeds are feed.rss or feed.atom.")
    return ListingFeed(feed_type=feed_type, **feed)(request)
