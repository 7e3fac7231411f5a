"""Members announce events through the front-end form and the same editorial review."""

from django.core import mail
from django.urls import reverse

import pytest

from agenda.models import EventPage
from tests.utils import card_titles, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(make_user, organisation, join):
    user = make_user("ann@norrvik.example.org")
    join(user, organisation)
    return user


def event_data(**overrides):
    data = {
        "title": "Peer visit: welcome desks",
        "summary": "Practitioners visit two welcome desks and compare notes.",
        "kind": "study-visit",
        "status": "scheduled",
        "start_date": "2027-02-10",
        "start_time": "09:00",
        "end_date": "2027-02-10",
        "end_time": "15:00",
        "timezone": "Europe/Stockholm",
        "event_format": "in-person",
        "venue": "City hall",
        "city": "Malmö",
        "country": "",
        "action": "submit",
    }
    data.update(overrides)
    return data


def test_member_submits_editor_approves_event_is_listed(client, member, editor, events_page):
    from portal.models import Country

    client.force_login(member)
    response = client.post(reverse("event_submit"), event_data())
    assert "Choose the country where the event takes place." in text(response)
    assert not EventPage.objects.exists()

    mail.outbox.clear()
    sweden = Country.objects.get(code="se").pk
    response = client.post(reverse("event_submit"), event_data(country=sweden))
    assert response["Location"] == reverse("my_submissions")
    event = EventPage.objects.get()
    assert event.workflow_in_progress and not event.live
    assert any("Submitted for review" in m.subject for m in mail.outbox)
    assert "In review" in text(client.get(reverse("my_submissions")))

    client.force_login(editor)
    state = event.current_workflow_state
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[event.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": ""},
    )
    event.refresh_from_db()
    assert event.live
    assert "Peer visit: welcome desks" in card_titles(client.get(events_page.url))
    assert event.start.isoformat() == "2027-02-10T09:00:00+01:00"


def test_online_event_needs_a_link_and_drafts_may_wait(client, member, events_page):
    client.force_login(member)
    response = client.post(
        reverse("event_submit"), event_data(event_format="online", venue="", city="")
    )
    assert "An online or hybrid event needs its joining link." in text(response)
    draft = client.post(
        reverse("event_submit"), {"title": "Webinar, details to follow", "action": "save"}
    )
    event = EventPage.objects.get(title="Webinar, details to follow")
    assert draft["Location"] == reverse("event_edit", args=[event.pk])
    assert not event.live and event.start_date is None


def test_cancelling_keeps_the_address(
    client, member, editor, events_page, make_event, organisation
):
    event = make_event(title="Roundtable", organisation=organisation)
    url = event.url
    client.force_login(member)
    data = event_data(
        title="Roundtable",
        status="cancelled",
        event_format="online",
        venue="",
        city="",
        online_url="https://meet.example.org/x",
        start_date=str(event.start_date),
        end_date=str(event.end_date),
        start_time="10:00",
        end_time="12:00",
    )
    client.post(reverse("event_edit", args=[event.pk]), data)
    event.refresh_from_db()
    client.force_login(editor)
    state = event.current_workflow_state
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[event.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": ""},
    )
    event = EventPage.objects.get(pk=event.pk)
    assert event.url == url and event.status == "cancelled"
    assert "This event has been cancelled." in text(client.get(url))
    assert b"STATUS:CANCELLED" in client.get(url + "event.ics").content
