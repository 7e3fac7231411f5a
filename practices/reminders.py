"""Freshness reminders: the owning organisation's managers are emailed when a live, public
practice has not been confirmed for a year.

`send_due()` is what `manage.py send_reminders` (cron) and the worker's `send_reminders_task`
run. Each practice (all its language versions together) is reminded at most once a year: the
reminder is recorded (`FreshnessReminder`) in the same transaction that queues the mails (a
database task), so a rerun sends nothing twice; after a confirmation the year starts again.
Every manager gets one email in their language, with a signed link that confirms the practice
without signing in (`reminder_views.confirm_link`); an organisation without managers gets none.
"""

import datetime
import logging
from dataclasses import dataclass, field
from itertools import groupby

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from portal import emails
from portal.memberships import managers_of
from portal.tasks import background_task, run_again

from .models import FreshnessReminder, PracticePage

logger = logging.getLogger(__name__)

PERIOD = datetime.timedelta(days=365)
SALT = "practices.reminders.confirm"


def confirm_token(page, user):
    """A signed token with which `user` confirms `page` as still current without signing in."""
    return signing.dumps({"p": page.pk, "u": user.pk}, salt=SALT)


def read_token(token):
    """(practice id, user id) of a token; raises signing.BadSignature (or its subclass
    SignatureExpired) for a forged or expired one."""
    data = signing.loads(token, salt=SALT, max_age=settings.REMINDER_LINK_MAX_AGE)
    return int(data["p"]), int(data["u"])


def due(today=None):
    """Live, public practice versions unconfirmed for a year and not reminded in the last year,
    grouped by practice (translation key)."""
    cutoff = (today or timezone.localdate()) - PERIOD
    reminded = FreshnessReminder.objects.filter(
        translation_key=OuterRef("translation_key"), sent_on__gt=cutoff
    )
    return (
        PracticePage.objects.listable()
        .filter(last_confirmed__lte=cutoff)
        .exclude(Exists(reminded))
        .select_related("organisation", "locale")
        .order_by("translation_key", "pk")
    )


@dataclass
class Report:
    """What a run did, for the command's output and the log."""

    emails: int = 0
    practices: list = field(default_factory=list)
    without_manager: list = field(default_factory=list)


def send_due(today=None):
    """Remind the managers of every due practice; returns a `Report`."""
    today = today or timezone.localdate()
    report = Report()
    for key, versions in groupby(due(today), key=lambda page: page.translation_key):
        versions = list(versions)
        managers = managers_of(versions[0].organisation)
        if not managers:
            report.without_manager.append(versions[0])
            continue
        sent = send_one(key, versions, managers, today)
        if sent:
            report.emails += sent
            report.practices.append(versions[0])
    logger.info(
        "Freshness reminders: %d email(s) about %d practice(s); %d without a manager",
        report.emails,
        len(report.practices),
        len(report.without_manager),
    )
    return report


@transaction.atomic
def send_one(key, versions, managers, today):
    """Record the reminder and queue one email per manager, together or not at all."""
    cutoff = today - PERIOD
    reminder, created = FreshnessReminder.objects.select_for_update().get_or_create(
        translation_key=key, defaults={"sent_on": today}
    )
    if not created:
        if reminder.sent_on > cutoff:
            return 0  # another run has just sent it
        reminder.sent_on = today
    reminder.recipients = len(managers)
    reminder.save()
    for manager in managers:
        message(manager, versions).send()
    return len(managers)


def version_for(language, versions):
    """The practice's version in `language`, else its original (first) one."""
    for page in versions:
        if page.locale.language_code == language:
            return page
    return versions[0]


def message(manager, versions):
    """The reminder to one manager, in their language (the one they last used the portal in)."""
    language = manager.language or settings.LANGUAGE_CODE
    with translation.override(language):
        page = version_for(language, versions)
        context = {
            "site_name": settings.WAGTAIL_SITE_NAME,
            "practice": page,
            "organisation": page.organisation,
            "practice_url": emails.absolute(page.url or "/"),
            "confirm_url": emails.absolute(
                reverse("practice_confirm_link", args=[confirm_token(page, manager)])
            ),
            "edit_url": emails.absolute(page.get_edit_url()),
            "link_until": timezone.localdate()
            + datetime.timedelta(seconds=settings.REMINDER_LINK_MAX_AGE),
        }
        subject = " ".join(
            render_to_string("emails/freshness_reminder_subject.txt", context).split()
        )
        body = render_to_string("emails/freshness_reminder_body.txt", context)
    return EmailMessage(
        subject=f"[{settings.WAGTAIL_SITE_NAME}] {subject}",
        body=body,
        to=[manager.email],
        headers={"Auto-Submitted": "auto-generated"},
    )


@background_task()
def send_reminders_task(reschedule=True):
    """The worker's schedule: send what is due, then queue the next run in
    `REMINDER_INTERVAL_HOURS` (started once by `manage.py send_reminders --schedule`)."""
    try:
        send_due()
    finally:
        if reschedule:
            run_again(
                send_reminders_task, datetime.timedelta(hours=settings.REMINDER_INTERVAL_HOURS)
            )
