"""Validation shared by the admin and the front-end event forms."""

import datetime

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

# Events are planned and archived within these years; outside them a date is a typing slip
# (and the calendar's arithmetic would leave the range of dates Python can represent).
FIRST_YEAR, LAST_YEAR = 1900, 2200
DATE_FIELDS = ("start_date", "end_date", "registration_deadline")


def date_range_errors(**dates):
    """Errors for dates outside the years events may have, keyed by field."""
    message = _("Give a date between the years %(first)s and %(last)s.") % {
        "first": FIRST_YEAR,
        "last": LAST_YEAR,
    }
    return {
        name: message
        for name, value in dates.items()
        if isinstance(value, datetime.date) and not FIRST_YEAR <= value.year <= LAST_YEAR
    }


def event_errors(
    *,
    start_date,
    start_time,
    end_date,
    end_time,
    all_day,
    event_format,
    online_url,
    city,
    country,
    registration_deadline,
    kind=None,
):
    """Errors in an event's dates, place and link, keyed by field. A call for proposals
    needs no place or joining link: it is open from its start to its deadline, its end."""
    errors = date_range_errors(
        start_date=start_date, end_date=end_date, registration_deadline=registration_deadline
    )
    if start_date and end_date and not errors:
        if end_date < start_date:
            errors["end_date"] = _("The event cannot end before it starts.")
        elif (
            not all_day
            and start_time
            and end_time
            and end_date == start_date
            and end_time <= start_time
        ):
            errors["end_time"] = _("The end time must be after the start time.")
    if not all_day:
        if start_date and not start_time:
            errors["start_time"] = _("Give a start time, or tick “all-day event”.")
        if end_date and not end_time:
            errors["end_time"] = _("Give an end time, or tick “all-day event”.")
    if kind == "call-for-proposals":
        return errors
    if event_format in ("online", "hybrid") and not online_url:
        errors["online_url"] = _("An online or hybrid event needs its joining link.")
    if event_format in ("in-person", "hybrid"):
        if not city:
            errors["city"] = _("Where does the event take place? Give the city.")
        if not country:
            errors["country"] = _("Choose the country where the event takes place.")
    if registration_deadline and start_date and registration_deadline > start_date:
        errors["registration_deadline"] = _(
            "The registration deadline must be before the event starts."
        )
    return errors


class EventPageForm(WagtailAdminPageForm):
    """The admin form for events: all-day events need no times."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("all_day"):
            cleaned["start_time"] = cleaned["end_time"] = None
        return cleaned
