"""Alerts and digests of saved searches (`portal.models.SavedSearch`).

`send_due()` is what `manage.py send_alerts` (cron) and the worker's `send_alerts_task` run:
for every reader with saved searches due (immediately: every run; daily, weekly: once the
period has passed since the last check), it asks each search's followable for the public
items published since (read now, at send time, so a draft or restricted page is never sent),
and sends one email per reader and frequency, in the reader's language, grouped by saved
search, newest first, each item once per email. The items sent are recorded per saved search
(`AlertDelivery`) in the same transaction that queues the mail (a database task), so a rerun
or a run after a crash sends nothing twice and skips nothing.
"""

import datetime
import logging
from itertools import groupby

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from allauth.account.models import EmailAddress
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from . import emails
from .following import followables
from .models import AlertDelivery, Frequency, SavedSearch
from .tasks import background_task

logger = logging.getLogger(__name__)

PERIODS = {
    Frequency.IMMEDIATELY: datetime.timedelta(0),
    Frequency.DAILY: datetime.timedelta(days=1),
    Frequency.WEEKLY: datetime.timedelta(days=7),
}
# A run a little early (cron's minute, the worker's last run) still counts as the next day.
SLACK = datetime.timedelta(minutes=10)
SALT = "portal.alerts.unsubscribe"
MAX_ITEMS = 30  # per saved search and email


def unsubscribe_token(user, searches):
    """A signed token that stops these saved searches' mail without signing in."""
    return signing.dumps({"u": user.pk, "s": [search.pk for search in searches]}, salt=SALT)


def read_token(token):
    """(user id, [saved search ids]) of a token; raises signing.BadSignature (or its subclass
    SignatureExpired) for a forged or expired one."""
    data = signing.loads(token, salt=SALT, max_age=settings.ALERT_LINK_MAX_AGE)
    return int(data["u"]), [int(pk) for pk in data["s"]]


def due(now=None):
    """The saved searches whose alerts are due, by reader and frequency."""
    now = now or timezone.now()
    searches = SavedSearch.objects.none()
    for frequency, period in PERIODS.items():
        until = now - period + SLACK if period else now
        searches |= SavedSearch.objects.filter(frequency=frequency, checked_until__lte=until)
    return searches.filter(paused=False).select_related("user").order_by("user_id", "frequency")


def verified(user):
    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


def send_due(now=None):
    """Send every due alert; returns the number of emails queued."""
    now = now or timezone.now()
    kinds, memo, sent = followables(), {}, 0
    groups = groupby(due(now), key=lambda search: (search.user, search.frequency))
    for (user, frequency), searches in groups:
        if not verified(user):
            continue  # nothing to unverified addresses; their searches wait
        sent += send_one(user, frequency, [s.pk for s in searches], kinds, memo, now)
    logger.info("Alerts: %d email(s) queued", sent)
    return sent


@transaction.atomic
def send_one(user, frequency, pks, kinds, memo, now):
    """One reader's email of one frequency: records and queued mail commit together."""
    # Locked and read again: another run may have handled them meanwhile.
    searches = list(
        due(now).filter(pk__in=pks).select_for_update(of=("self",)).order_by("name", "pk")
    )
    language = user.language or settings.LANGUAGE_CODE
    groups, seen = [], set()
    with translation.override(language):
        for search in searches:
            followable = kinds.get(search.kind)
            items = []
            if followable is not None:
                query = QueryDict(search.query)
                items = followable.new_items(query, language, search.checked_until, memo)
            sent_before = set(
                search.deliveries.filter(item_key__in=[i.key for i in items]).values_list(
                    "item_key", flat=True
                )
            )
            items = [item for item in items if item.key not in sent_before][:MAX_ITEMS]
            AlertDelivery.objects.bulk_create(
                AlertDelivery(saved_search=search, item_key=item.key, sent_at=now) for item in items
            )
            shown = [item for item in items if item.key not in seen]
            seen.update(item.key for item in items)
            if shown:
                groups.append((search, followable, shown))
        SavedSearch.objects.filter(pk__in=[s.pk for s in searches]).update(checked_until=now)
        if not groups:
            return 0
        message(user, frequency, groups, language).send()
    return 1


def message(user, frequency, groups, language):
    """The alert email: plain text, with RFC 8058 one-click unsubscribe headers."""
    searches = [search for search, _followable, _items in groups]
    unsubscribe = emails.absolute(
        reverse("alerts_unsubscribe", args=[unsubscribe_token(user, searches)])
    )
    context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "frequency": frequency,
        "count": sum(len(items) for _search, _followable, items in groups),
        "groups": [
            {
                "search": search,
                "url": emails.absolute(followable.listing_url(search.query, language)),
                "items": [{**vars(item), "url": emails.absolute(item.url)} for item in items],
                "unsubscribe_url": emails.absolute(
                    reverse("alerts_unsubscribe", args=[unsubscribe_token(user, [search])])
                ),
            }
            for search, followable, items in groups
        ],
        "unsubscribe_url": unsubscribe,
        "manage_url": emails.absolute(reverse("saved_searches")),
    }
    subject = " ".join(render_to_string("emails/alert_subject.txt", context).split())
    return EmailMessage(
        subject=f"[{settings.WAGTAIL_SITE_NAME}] {subject}",
        body=render_to_string("emails/alert_body.txt", context),
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )


def pause_bounced(sender, address, **kwargs):
    """A `portal.mail.bounced` handler: stop alerts to an address the mail backend says bounces
    (the reader resumes them on their saved searches page)."""
    paused = SavedSearch.objects.filter(user__email__iexact=address, paused=False).update(
        paused=True
    )
    logger.info("Paused %d saved search(es) of a bouncing address", paused)


@background_task()
def send_alerts_task(reschedule=True):
    """The worker's schedule: send what is due, then queue the next run in
    `ALERT_INTERVAL_MINUTES` (started once by `manage.py send_alerts --schedule`)."""
    try:
        send_due()
    finally:
        if reschedule and send_alerts_task.get_backend().supports_defer:
            interval = datetime.timedelta(minutes=settings.ALERT_INTERVAL_MINUTES)
            send_alerts_task.using(run_after=timezone.now() + interval).enqueue()


def scheduled():
    """Whether a run of `send_alerts_task` is waiting in the worker's queue."""
    return DBTaskResult.objects.filter(
        task_path__endswith=".send_alerts_task", status=TaskResultStatus.READY
    ).exists()
