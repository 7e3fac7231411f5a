"""Calendar (.ics, with the icalendar library) and RSS/Atom feeds of events.

Each event keeps one UID for life; SEQUENCE counts its publications and DTSTAMP is its last
publication, so calendar apps replace an entry when the event changes. Times carry their
time zone (VTIMEZONE included); cancelled events stay in the feed with STATUS:CANCELLED.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

import icalendar

from portal import facets as facet_module

from .choices import EventStatus
from .facets import FACETS

PAST_DAYS_IN_FEEDS = 90
ICS_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.RESCHEDULED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def filtered_events(events, request):
    """Upcoming and recent `events`, with the listing's filters from the URL."""
    since = timezone.now() - datetime.timedelta(days=PAST_DAYS_IN_FEEDS)
    selected = facet_module.selection(request.GET, FACETS)
    events = facet_module.apply(events, FACETS, selected).filter(end_utc__gte=since)
    return events.select_related("country", "organisation").with_sequence().order_by("start_utc")


def to_vevent(event, request):
    vevent = icalendar.Event()
    vevent.add("uid", event.uid)
    vevent.add("sequence", max(0, (getattr(event, "publications", None) or 1) - 1))
    stamp = event.last_published_at or event.latest_revision_created_at or timezone.now()
    vevent.add("dtstamp", stamp.astimezone(datetime.UTC))
    vevent.add("last-modified", stamp.astimezone(datetime.UTC))
    if event.all_day:
        vevent.add("dtstart", event.start_date)
        vevent.add("dtend", event.end_date + datetime.timedelta(days=1))
    else:
        vevent.add("dtstart", event.start)
        vevent.add("dtend", event.end)
    prefix = _("CANCELLED: ") if event.is_cancelled else ""
    vevent.add("summary", prefix + event.title)
    url = absolute_url(event, request)
    if url:
        vevent.add("url", url)
    vevent.add("description", description(event, url))
    where = location(event)
    if where:
        vevent.add("location", where)
    vevent.add("status", ICS_STATUS[event.status])
    return vevent


def absolute_url(event, request):
    url = event.get_url(request)
    return request.build_absolute_uri(url) if url else ""


def description(event, url):
    """The calendar entry's text: summary, online link, the event's page."""
    text = strip_tags(event.summary)
    if event.shows_online_link:
        text += "\n\n" + _("Join online: %(url)s") % {"url": event.online_url}
    return text + ("\n\n" + url if url else "")


def location(event):
    """The place as one line, or the online link for an online-only event."""
    parts = [
        event.venue,
        event.address,
        event.city,
        event.country.localized_name if event.country_id else "",
    ]
    place = ", ".join(part for part in parts if part)
    return place or (event.online_url if event.shows_online_link else "")


def calendar_response(events, filename, request):
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Integra//Events//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Integra")
    for event in events:
        cal.add_component(to_vevent(event, request))
    cal.add_missing_timezones()
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class UpcomingEventsFeed(Feed):
    """RSS of the events the listing shows for the feed URL's filters (upcoming by default,
    `when=past` for the archive), in the listing's order."""

    def __init__(self, index_page, events):
        """`events`: the listing's results (`agenda.listing.results`)."""
        super().__init__()
        self.index_page, self.events, self.request = index_page, events, None

    def __call__(self, request, *args, **kwargs):
        self.request = request  # every link is built with it (site root paths read once)
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("Integra: upcoming events")

    def link(self):
        query = self.request.GET.urlencode()
        return self.index_page.get_url(self.request) + (f"?{query}" if query else "")

    def description(self):
        return _("Study visits, webinars, conferences and training on integration and inclusion.")

    def items(self):
        return self.events.select_related("country")[:50]

    def item_title(self, item):
        prefix = _("CANCELLED: ") if item.is_cancelled else ""
        return f"{prefix}{item.title} ({item.start_date:%Y-%m-%d})"

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return item.uid

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class UpcomingEventsAtomFeed(UpcomingEventsFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
