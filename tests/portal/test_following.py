"""Saved searches and follows, their alerts and digests, and one-click unsubscribe."""

import datetime
import re
from io import StringIO

from django.core import mail, signing
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest
from django_tasks_db.models import DBTaskResult

from portal import alerts
from portal.mail import bounced
from portal.models import SavedSearch
from tests.utils import soup, text

pytestmark = pytest.mark.django_db
TOMORROW = datetime.timedelta(days=1, minutes=1)
TODAY = timezone.localdate()


@pytest.fixture
def reader(make_user):
    user = make_user("reader@example.org")
    user.language = "sv"
    user.save()
    return user


@pytest.fixture
def make_practice(make_practice):
    """Practices published now (the factory leaves the publication dates empty)."""

    def make(**kwargs):
        practice = make_practice(**kwargs)
        now = timezone.now()
        type(practice).objects.filter(pk=practice.pk).update(
            first_published_at=now, last_published_at=now
        )
        return practice

    return make


def follow(user, name="Housing", kind="practices", query="area=housing", frequency="immediately"):
    return SavedSearch.objects.create(
        user=user, name=name, kind=kind, query=query, frequency=frequency
    )


def unsubscribe_link(message):
    return re.search(r"<https?://[^/]+(/[^>]+)>", message.extra_headers["List-Unsubscribe"])[1]


def test_save_rename_and_delete_a_search(client, reader, make_practice):
    make_practice(title="Shared flats", action_areas=["housing"])
    client.force_login(reader)
    page = soup(client.get("/en/practices/?area=housing&page=2"))
    form = page.select_one("form.follow__save")
    data = {field["name"]: field.get("value", "") for field in form.select("input")}
    assert data["query"] == "area=housing" and data["name"] == "Action area: Housing"
    response = client.post(form["action"], data, follow=True)
    assert "Saved “Action area: Housing”" in text(response)
    client.post(form["action"], data)  # saved again: kept once
    search = SavedSearch.objects.get(user=reader)
    listing = text(client.get("/en/accounts/saved-searches/"))
    assert "Action area: Housing" in listing
    prefix = f"s{search.pk}"
    client.post(
        "/en/accounts/saved-searches/",
        {
            "search": search.pk,
            "action": "save",
            f"{prefix}-name": "Flats",
            f"{prefix}-frequency": "weekly",
        },
    )
    search.refresh_from_db()
    assert (search.name, search.frequency) == ("Flats", "weekly")
    assert "Flats" in text(client.get("/en/accounts/saved-searches/"))
    client.post("/en/accounts/saved-searches/", {"search": search.pk, "action": "delete"})
    assert not SavedSearch.objects.exists()
    assert "no saved searches" in text(client.get("/en/accounts/saved-searches/"))


def test_nobody_changes_someone_elses_saved_search(client, reader, make_user):
    other = follow(make_user("other@example.org"))
    client.force_login(reader)
    response = client.post("/en/accounts/saved-searches/", {"search": other.pk, "action": "delete"})
    assert response.status_code == 404 and SavedSearch.objects.filter(pk=other.pk).exists()


def test_follow_an_organisation_in_one_click(client, reader, organisation, make_practice):
    client.force_login(reader)
    page = soup(client.get(organisation.get_absolute_url()))
    form = next(f for f in page.select("form") if "Follow" in f.get_text())
    data = {field["name"]: field.get("value", "") for field in form.select("input")}
    client.post(form["action"], data)
    search = SavedSearch.objects.get(user=reader)
    assert search.name == organisation.name
    make_practice(title="Our new café", organisation=organisation)
    make_practice(title="Someone else's café")
    assert alerts.send_due(timezone.now() + TOMORROW) == 1
    assert "Our new café" in mail.outbox[0].body and "Someone else" not in mail.outbox[0].body


def test_a_new_practice_gives_one_alert_and_one_digest_entry_in_the_readers_language(
    reader, make_user, make_practice, translate
):
    follow(reader, frequency="immediately")
    daily = make_user("daily@example.org")
    daily.language = "sv"
    daily.save()
    follow(daily, name="Bostäder", frequency="daily")
    follow(daily, name="Allt", query="", frequency="daily")  # the same practice matches twice
    practice = make_practice(title="Shared flats", action_areas=["housing"])
    translate(practice, "sv", {"Shared flats": "Delade lägenheter"})
    make_practice(title="Health mediators", action_areas=["health"])

    assert alerts.send_due() == 1  # the immediate subscriber only: the digest is not due yet
    (alert,) = mail.outbox
    assert alert.to == ["reader@example.org"]
    assert "Delade lägenheter" in alert.body and "Health mediators" not in alert.body
    assert "/sv/" in alert.body
    assert alerts.send_due() == 0  # nothing new

    mail.outbox.clear()
    assert alerts.send_due(timezone.now() + TOMORROW) == 1
    (digest,) = mail.outbox
    assert digest.to == ["daily@example.org"]
    assert digest.body.count("Delade lägenheter") == 1  # once, though both searches match
    assert "== Allt ==" in digest.body and "Health mediators" in digest.body
    assert alerts.send_due(timezone.now() + TOMORROW) == 0


def test_no_alert_for_drafts_or_restricted_pages(reader, make_practice):
    follow(reader)
    make_practice(title="Draft housing", action_areas=["housing"], live=False)
    private = make_practice(title="Members-only housing", action_areas=["housing"])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert alerts.send_due() == 0 and not mail.outbox


def test_no_alert_to_an_unverified_address(reader, make_practice):
    reader.emailaddress_set.update(verified=False)
    follow(reader)
    make_practice(title="Shared flats", action_areas=["housing"])
    assert alerts.send_due() == 0 and not mail.outbox


def test_a_rerun_after_a_crash_sends_nothing_twice(reader, make_user, make_practice, monkeypatch):
    follow(reader)
    second = make_user("second@example.org")
    follow(second)
    make_practice(title="Shared flats", action_areas=["housing"])
    real_message = alerts.message

    def crash_on_second(user, *args):
        if user == second:
            raise RuntimeError("worker killed")
        return real_message(user, *args)

    monkeypatch.setattr(alerts, "message", crash_on_second)
    with pytest.raises(RuntimeError):
        alerts.send_due()
    assert [m.to for m in mail.outbox] == [["reader@example.org"]]
    monkeypatch.setattr(alerts, "message", real_message)
    assert alerts.send_due() == 1  # the second reader's, which the crash rolled back
    assert alerts.send_due() == 0
    assert sorted(m.to[0] for m in mail.outbox) == ["reader@example.org", "second@example.org"]


def test_one_click_unsubscribe_by_rfc_8058_post(client, reader, make_practice):
    follow(reader)
    make_practice(title="Shared flats", action_areas=["housing"])
    alerts.send_due()
    (alert,) = mail.outbox
    assert alert.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    response = client.post(
        unsubscribe_link(alert),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    make_practice(title="More flats", action_areas=["housing"])
    assert alerts.send_due(timezone.now() + TOMORROW) == 0


def test_signed_link_unsubscribes_without_signing_in(client, reader, make_practice):
    follow(reader)
    make_practice(title="Shared flats", action_areas=["housing"])
    alerts.send_due()
    # The body's first unsubscribe link is the search's own (the reader's language: /sv/).
    link = re.search(r"https?://[^/\s]+(/sv/alerts/unsubscribe/\S+)", mail.outbox[0].body)[1]
    link = link.replace("/sv/", "/en/", 1)  # the same link, read in English here
    page = client.get(link)
    assert "Housing" in text(page) and SavedSearch.objects.get().frequency == "immediately"
    form = soup(page).select_one("main form")
    assert "unsubscribed" in text(client.post(form.get("action") or link))
    assert SavedSearch.objects.get().frequency == "never"
    make_practice(title="More flats", action_areas=["housing"])
    assert alerts.send_due(timezone.now() + TOMORROW) == 0


def test_forged_or_expired_links_are_refused_with_a_clear_page(client, reader, settings):
    search = follow(reader)
    token = alerts.unsubscribe_token(reader, [search])
    forged = signing.dumps({"u": reader.pk, "s": [search.pk]}, salt="something else")
    response = client.post(f"/en/alerts/unsubscribe/{forged}/")
    assert response.status_code == 400 and "not valid" in text(response)
    settings.ALERT_LINK_MAX_AGE = -1
    response = client.get(f"/en/alerts/unsubscribe/{token}/")
    assert response.status_code == 400 and "expired" in text(response)
    assert SavedSearch.objects.get().frequency == "immediately"


def test_a_bouncing_address_pauses_its_alerts(client, reader, make_practice):
    search = follow(reader)
    bounced.send(sender=None, address="Reader@example.org")
    make_practice(title="Shared flats", action_areas=["housing"])
    assert alerts.send_due() == 0
    client.force_login(reader)
    assert "paused" in text(client.get("/en/accounts/saved-searches/"))
    search.refresh_from_db()
    assert search.paused


def test_events_and_search_can_be_followed(reader, make_event, make_practice):
    follow(reader, name="Events", kind="events", query="area=housing")
    follow(reader, name="Lyon", kind="search", query="q=Lyon")
    event = make_event(
        title="Housing webinar",
        action_areas=["housing"],
        start_date=timezone.localdate() + datetime.timedelta(days=3),
    )
    type(event).objects.filter(pk=event.pk).update(last_published_at=timezone.now())
    make_practice(title="Housing first in Lyon", action_areas=["housing"])
    assert alerts.send_due() == 1
    body = mail.outbox[0].body
    assert "Housing webinar" in body and "Housing first in Lyon" in body


def test_the_command_sends_what_is_due_and_schedules_the_worker_once(
    reader, make_practice, settings
):
    follow(reader)
    make_practice(title="Shared flats", action_areas=["housing"])
    out = StringIO()
    call_command("send_alerts", stdout=out)
    assert "Queued 1 alert email" in out.getvalue() and len(mail.outbox) == 1
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("send_alerts", "--schedule", stdout=out)
    call_command("send_alerts", "--schedule", stdout=out)
    assert "already queued" in out.getvalue()
    assert DBTaskResult.objects.filter(task_path__endswith="send_alerts_task").count() == 1


def publish(page, **changes):
    """Publish a new revision of `page` with these fields changed, as an editor does."""
    page = type(page).objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


RESULTS = (
    "<p>After two years 140 families moved from emergency shelters into shared flats; "
    "eight in ten still live there, and the city now funds the flats from its own budget.</p>"
)


def test_a_substantial_update_is_sent_again_and_a_correction_is_not(reader, make_practice):
    """In the reader's language (Swedish), saying what changed."""
    follow(reader)
    practice = publish(make_practice(title="Shared flats", action_areas=["housing"]))
    assert alerts.send_due() == 1
    mail.outbox.clear()

    publish(practice, approach=practice.approach.replace("the", "teh", 1))  # a typo
    assert alerts.send_due() == 0 and not mail.outbox

    practice = publish(practice, results=RESULTS, continuation="finished", end_date=TODAY)
    assert alerts.send_due() == 1
    (update,) = mail.outbox
    assert "Shared flats" in update.body
    assert "Uppdaterad: Resultat och belägg för framgång, Status, Slutdatum" in update.body
    assert alerts.send_due() == 0  # sent once

    # A search saved only now gets it too; the email lists it once.
    mail.outbox.clear()
    follow(reader, name="All", query="")
    publish(practice, summary="A cooperative rents flats and sublets them to refugee families.")
    assert alerts.send_due() == 1
    body = mail.outbox[0].body
    assert body.count("Shared flats") == 1  # once, under the search that sees it first


def test_an_event_moved_to_another_day_tells_its_followers(reader, make_event):
    follow(reader, name="Events", kind="events", query="area=housing")
    day = timezone.localdate() + datetime.timedelta(days=10)
    event = publish(make_event(title="Housing webinar", action_areas=["housing"], start_date=day))
    assert alerts.send_due() == 1
    mail.outbox.clear()
    publish(event, title="Housing webinar")  # published again, nothing changed
    assert alerts.send_due() == 0
    later = day + datetime.timedelta(days=7)
    publish(event, start_date=later, end_date=later, status="rescheduled")
    assert alerts.send_due() == 1
    assert "Uppdaterad: Status, Startdatum, Slutdatum" in mail.outbox[0].body
