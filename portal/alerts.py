"""Alerts and digests of saved searches (`portal.models.SavedSearch`).

`send_due()` is what `manage.py send_alerts` (cron) and the worker's `send_alerts_task` run:
for every reader with saved searches due (immediately: every run; daily, weekly: once the
period has passed since the last check), it asks each search's followable for the public
items published since (read now, at send time, so a draft or restricted page is never sent),
and sends one email per reader and frequency, in the reader's language, grouped by saved
search, newest first, each item once per email. The items sent are recorded per saved search
and edition (`AlertDelivery`) in the same transaction that queues the mail (a database task),
so a rerun or a run after a crash sends nothing twice and skips nothing, and an item
substantially updated since it was sent (`portal.models.editions`) is sent again, as updated.
"""

import datetime
import logging
from itertools import groupby

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from allauth.account.models import EmailAddress

from . import emails
from .following import followables
from .models import AlertDelivery, Frequency, SavedSearch
from .tasks import background_task, run_again

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


def verified_user_ids():
    """Readers whose account address is verified: only they get alerts."""
    return set(
        EmailAddress.objects.filter(verified=True, email__iexact=F("user__email")).values_list(
            "user_id", flat=True
        )
    )


def send_due(now=None):
    """Send every due alert; returns the number of emails queued."""
    now = now or timezone.now()
    run = Run(now)
    verified, idle, pending, sent = verified_user_ids(), [], [], 0
    for (user, frequency), searches in groupby(due(now), key=lambda s: (s.user, s.frequency)):
        if user.pk not in verified:
            continue  # nothing to unverified addresses; their searches wait
        found = [(search, run.new_items(search, user)) for search in searches]
        if any(items for _search, items in found):
            pending.append((user, frequency, found))
        else:
            idle += [search.pk for search, _items in found]
    run.read_deliveries(pending)
    for user, frequency, found in pending:
        sent += send_one(user, frequency, found, run)
    for start in range(0, len(idle), 500):  # nothing new: checked, nothing to record
        SavedSearch.objects.filter(pk__in=idle[start : start + 500]).update(checked_until=now)
    logger.info("Alerts: %d email(s) queued", sent)
    return sent


class Run:
    """What one run of the sender shares between saved searches: the followables, and each
    answer by (kind, query, language, since), as many readers save the same searches."""

    def __init__(self, now):
        self.now, self.kinds, self.answers, self.memo = now, followables(), {}, {}
        self.delivered, self.seen = set(), set()

    def read_deliveries(self, pending, chunk=500):
        """What was sent before to these searches among the items found for them (an item
        published again is found again): read once, in chunks of searches. `delivered` holds
        (search, item, edition), `seen` (search, item) of any edition."""
        self.delivered = set()
        pairs = [(search.pk, items) for _u, _f, found in pending for search, items in found]
        for start in range(0, len(pairs), chunk):
            part = pairs[start : start + chunk]
            self.delivered.update(
                AlertDelivery.objects.filter(
                    saved_search_id__in=[pk for pk, _items in part],
                    item_key__in={item.key for _pk, items in part for item in items},
                ).values_list("saved_search_id", "item_key", "edition")
            )
        self.seen = {(search, key) for search, key, _edition in self.delivered}

    def language(self, user):
        return user.language or settings.LANGUAGE_CODE

    def new_items(self, search, user):
        followable = self.kinds.get(search.kind)
        if followable is None:
            return []
        language = self.language(user)
        key = (search.kind, search.query, language, search.checked_until)
        if key not in self.answers:
            with translation.override(language):
                query = QueryDict(search.query)
                since = search.checked_until
                self.answers[key] = followable.new_items(query, language, since, self.memo)
        return self.answers[key]

    def listing_url(self, search, language):
        key = ("url", search.kind, search.query, language)
        if key not in self.answers:
            with translation.override(language):
                url = self.kinds[search.kind].listing_url(search.query, language)
            self.answers[key] = emails.absolute(url)
        return self.answers[key]


class Overtaken(Exception):
    """Another run sent some of these searches' alerts meanwhile."""


def send_one(user, frequency, found, run):
    """One reader's email of one frequency: the records, the searches' new `checked_until`
    and the queued mail commit together, or not at all."""
    try:
        with transaction.atomic():
            return _send_one(user, frequency, found, run)
    except Overtaken:
        logger.info("Alerts of reader %s were sent by another run", user.pk)
        return 0


def _send_one(user, frequency, found, run):
    # Only if no other run has moved these searches on since they were read.
    unchanged = Q(pk__in=[])
    for search, _items in found:
        unchanged |= Q(pk=search.pk, checked_until=search.checked_until)
    moved = SavedSearch.objects.filter(unchanged, paused=False, frequency=frequency).update(
        checked_until=run.now
    )
    if moved != len(found):
        raise Overtaken
    groups, seen, records = [], set(), []
    for search, items in sorted(found, key=lambda pair: (pair[0].name, pair[0].pk)):
        items = [
            item for item in items if (search.pk, item.key, item.edition) not in run.delivered
        ][:MAX_ITEMS]
        records += [
            AlertDelivery(saved_search=search, item_key=item.key, edition=item.edition)
            for item in items
        ]
        shown = [item for item in items if item.key not in seen]
        seen.update(item.key for item in items)
        if shown:
            groups.append((search, shown))
    AlertDelivery.objects.bulk_create(records)
    if not groups:
        return 0
    message(user, frequency, groups, run).send()
    return 1


def message(user, frequency, groups, run):
    """The alert email, in the reader's language: plain text, with RFC 8058 one-click
    unsubscribe headers."""
    language = run.language(user)
    with translation.override(language):
        searches = [search for search, _items in groups]
        unsubscribe = emails.absolute(
            reverse("alerts_unsubscribe", args=[unsubscribe_token(user, searches)])
        )
        context = {
            "site_name": settings.WAGTAIL_SITE_NAME,
            "frequency": frequency,
            "count": sum(len(items) for _search, items in groups),
            "groups": [
                {
                    "search": search,
                    "url": run.listing_url(search, language),
                    "items": [
                        {
                            **vars(item),
                            "url": emails.absolute(item.url),
                            "updated": (search.pk, item.key) in run.seen,
                        }
                        for item in items
                    ],
                    "unsubscribe_url": emails.absolute(
                        reverse("alerts_unsubscribe", args=[unsubscribe_token(user, [search])])
                    ),
                }
                for search, items in groups
            ],
            "unsubscribe_url": unsubscribe,
            "manage_url": emails.absolute(reverse("saved_searches")),
        }
        subject = " ".join(render_to_string("emails/alert_subject.txt", context).split())
        body = render_to_string("emails/alert_body.txt", context)
    return EmailMessage(
        subject=f"[{settings.WAGTAIL_SITE_NAME}] {subject}",
        body=body,
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
        if reschedule:
            run_again(send_alerts_task, datetime.timedelta(minutes=settings.ALERT_INTERVAL_MINUTES))
