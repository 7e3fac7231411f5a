"""schema.org Event as JSON-LD, for search engines and calendar tools."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from .choices import EventFormat, EventStatus

ATTENDANCE = {
    EventFormat.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    EventFormat.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    EventFormat.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}
STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.RESCHEDULED: "https://schema.org/EventRescheduled",
}


def event_data(event, request=None):
    absolute = request.build_absolute_uri if request else (lambda url: url)
    url = event.get_url(request)
    places = []
    if event.has_place:
        places.append(
            {
                "@type": "Place",
                "name": event.venue or event.city,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": event.address,
                    "addressLocality": event.city,
                    "addressCountry": event.country.code.upper() if event.country_id else "",
                },
            }
        )
    if event.event_format in (EventFormat.ONLINE, EventFormat.HYBRID):
        places.append({"@type": "VirtualLocation", "url": event.online_url or absolute(url)})
    organisers = [event.organisation, *event.co_organisers.all()]
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": strip_tags(event.summary),
        "startDate": event.start_date.isoformat() if event.all_day else event.start.isoformat(),
        "endDate": event.end_date.isoformat() if event.all_day else event.end.isoformat(),
        "eventAttendanceMode": ATTENDANCE[event.event_format],
        "eventStatus": STATUS[event.status],
        "location": places[0] if len(places) == 1 else places,
        "organizer": [
            {
                "@type": "Organization",
                "name": org.name,
                "url": org.website or absolute(org.get_absolute_url()),
            }
            for org in organisers
        ],
        "offers": {
            "@type": "Offer",
            "url": event.registration_url or absolute(url),
            "price": "0" if event.is_free else "",
            "priceCurrency": "EUR",
            "availability": "https://schema.org/InStock",
            **({"description": event.cost_note} if event.cost_note else {}),
        },
        "inLanguage": [language.code for language in event.languages.all()],
        "url": absolute(url),
    }
    if event.image_id:
        data["image"] = absolute(event.image.get_rendition("width-1200").url)
    if not data["offers"]["price"]:
        del data["offers"]["price"]
    return data


# As django.utils.html.json_script: no "<", ">" or "&" may reach the page, so that no content can
# close the script element or open a comment ("<!--<script>") that swallows the rest of the page.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def event_json_ld(event, request=None):
    text = json.dumps(event_data(event, request), cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(JSON_SCRIPT_ESCAPES))  # noqa: S308
