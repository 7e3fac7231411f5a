"""Freshness reminders: the managers of the owning organisation are emailed once a year about a
practice nobody has confirmed for a year, in their language, with a signed link that confirms it
without signing in."""

import datetime
import re
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from practices import reminders
from tests.utils import soup, text

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
THIRTEEN_MONTHS_AGO = TODAY - datetime.timedelta(days=395)
SIX_MONTHS_AGO = TODAY - datetime.timedelta(days=182)


@pytest.fixture
def owner(make_organisation, make_user, join):
    organisation = make_organisation(name="Welcome House", slug="welcome-house")
    for email, role in [
        ("ana@welcome.example", "manager"),
        ("bo@welcome.example", "manager"),
        ("cy@welcome.example", "member"),
    ]:
        join(make_user(email), organisation, role=role)
    return organisation


@pytest.fixture
def old(make_practice, owner):
    return make_practice(
        title="Language café", organisation=owner, last_confirmed=THIRTEEN_MONTHS_AGO
    )


def link_in(message):
    return re.search(r"https?://[^/\s]+(/\w+/practice/confirm/\S+/)", message.body)[1]


def run():
    out = StringIO()
    call_command("send_reminders", stdout=out)
    return out.getvalue()


def test_one_reminder_per_manager_for_a_practice_unconfirmed_for_a_year(old, make_practice, owner):
    make_practice(title="Fresh garden", organisation=owner, last_confirmed=SIX_MONTHS_AGO)
    out = run()
    assert "Queued 2 reminder email(s) about 1 practice(s)" in out
    assert sorted(m.to[0] for m in mail.outbox) == ["ana@welcome.example", "bo@welcome.example"]
    message = mail.outbox[0]
    assert "Language café" in message.subject
    assert "Welcome House" in message.body
    assert THIRTEEN_MONTHS_AGO.strftime("%Y") in message.body
    assert "Fresh garden" not in "".join(m.body for m in mail.outbox)
    assert "/practice/confirm/" in message.body and old.get_edit_url() in message.body


def test_a_rerun_sends_nothing(old):
    run()
    mail.outbox.clear()
    assert "Queued 0 reminder email(s)" in run()
    assert reminders.send_due(TODAY + datetime.timedelta(days=200)).emails == 0
    assert not mail.outbox


def test_nobody_is_mailed_when_the_organisation_has_no_manager(make_practice, make_organisation):
    lonely = make_organisation(name="Lonely Club", slug="lonely")
    make_practice(title="Chess evenings", organisation=lonely, last_confirmed=THIRTEEN_MONTHS_AGO)
    out = run()
    assert "Nobody reminded about “Chess evenings”" in out and "Lonely Club has no manager" in out
    assert not mail.outbox


def test_unpublished_practices_are_not_reminded(old):
    old.unpublish()
    run()
    assert not mail.outbox


def test_the_link_confirms_on_post_only_and_the_period_restarts(client, old):
    run()
    link = link_in(mail.outbox[0])
    manager_email = mail.outbox[0].to[0]
    client.logout()
    page = client.get(link)
    assert page.status_code == 200
    assert "Language café" in text(page)
    assert soup(page).find("button", string="Confirm it is still current") is not None
    assert soup(page).find("a", string="Update it")["href"] == old.get_edit_url()
    old.refresh_from_db()
    assert old.last_confirmed == THIRTEEN_MONTHS_AGO  # a GET changes nothing

    done = client.post(link)
    assert done.status_code == 200 and "Thank you: the practice is marked as confirmed" in text(
        done
    )
    old.refresh_from_db()
    assert old.last_confirmed == TODAY and old.last_confirmed_by.email == manager_email
    assert "may be out of date" not in text(client.get(old.url))

    mail.outbox.clear()
    assert reminders.send_due(TODAY + datetime.timedelta(days=300)).emails == 0
    assert reminders.send_due(TODAY + datetime.timedelta(days=366)).emails == 2


def test_forged_and_expired_links_are_refused(client, old, settings):
    run()
    link = link_in(mail.outbox[0])
    forged = client.get(link[:-3] + "xx/")
    assert forged.status_code == 400 and "This confirmation link is not valid" in text(forged)
    assert client.post(link[:-3] + "xx/").status_code == 400
    settings.REMINDER_LINK_MAX_AGE = -1
    expired = client.post(link)
    assert expired.status_code == 400 and "This confirmation link has expired" in text(expired)
    old.refresh_from_db()
    assert old.last_confirmed == THIRTEEN_MONTHS_AGO


def test_a_former_manager_link_no_longer_confirms(client, old):
    run()
    message = mail.outbox[0]
    old.organisation.memberships.filter(user__email=message.to[0]).delete()
    response = client.post(link_in(message))
    assert response.status_code == 400 and "no longer manages Welcome House" in text(response)


def test_the_mail_is_in_the_managers_language(old, owner):
    for membership in owner.memberships.filter(role="manager"):
        membership.user.language = "sv" if membership.user.email.startswith("ana") else "en"
        membership.user.save()
    run()
    by_address = {m.to[0]: m for m in mail.outbox}
    assert link_in(by_address["ana@welcome.example"]).startswith("/sv/")
    assert link_in(by_address["bo@welcome.example"]).startswith("/en/")


def test_the_worker_schedule_is_queued_once(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    out = StringIO()
    call_command("send_reminders", "--schedule", stdout=out)
    call_command("send_reminders", "--schedule", stdout=out)
    assert "Queued the worker's recurring reminder run" in out.getvalue()
    assert "already queued" in out.getvalue()
    assert DBTaskResult.objects.filter(task_path__endswith="send_reminders_task").count() == 1


def test_the_worker_task_sends_the_due_reminders(old):
    reminders.send_reminders_task.enqueue()
    assert len(mail.outbox) == 2
