""" "Add to Google Calendar" and "Add to Outlook" links of an event, beside its .ics file: the
same title, times, place and text, as those services' documented "add event" addresses."""

import datetime
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from .feeds import absolute_url, description, location

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK = "https://outlook.live.com/calendar/0/deeplink/compose"


def _title(event):
    return (_("CANCELLED: ") if event.is_cancelled else "") + event.title


def google(event, request):
    if event.all_day:
        end = event.end_date + datetime.timedelta(days=1)  # Google's end date is exclusive
        dates = f"{event.start_date:%Y%m%d}/{end:%Y%m%d}"
    else:
        start, end = (moment.astimezone(datetime.UTC) for moment in (event.start, event.end))
        dates = f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}"
    query = {
        "action": "TEMPLATE",
        "text": _title(event),
        "dates": dates,
        "details": description(event, absolute_url(event, request)),
        "location": location(event),
        "ctz": event.timezone,
    }
    return GOOGLE + "?" + urlencode(query)


def outlook(event, request):
    if event.all_day:
        start, end = event.start_date.isoformat(), event.end_date.isoformat()
    else:
        start, end = (
            moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            for moment in (event.start, event.end)
        )
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": _title(event),
        "startdt": start,
        "enddt": end,
        "body": description(event, absolute_url(event, request)),
        "location": location(event),
        **({"allday": "true"} if event.all_day else {}),
    }
    return OUTLOOK + "?" + urlencode(query)
