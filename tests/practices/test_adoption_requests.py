"""Requests between organisations: from a practice page to the owner's managers (or the
editors, said truthfully), accepted or declined with a message, then visited and adapted (a
draft practice linked "adapted from" the original); the right people get mail, nobody's
address is shown; rate-limited."""

import datetime

from django.core import mail
from django.urls import reverse

import pytest

from practices.models import AdoptionRequest, PracticePage
from tests.utils import soup

pytestmark = pytest.mark.django_db
SOON = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()


@pytest.fixture
def people(make_user, make_organisation, make_practice, join):
    owner = make_organisation("municipality", "dk", name="Nørreby Municipality", slug="nby")
    adopter = make_organisation("municipality", "cz", name="City of Brno", slug="brno")
    practice = make_practice(
        title="Housing First in Nørreby",
        organisation=owner,
        challenge="<p>Refugees were homeless.</p>",
        approach="<p>A flat first, support after.</p>",
        action_areas=["housing"],
    )
    manager = make_user("manager@nby.example")
    join(manager, owner, role="manager")
    colleague = make_user("colleague@nby.example")
    join(colleague, owner)
    requester = make_user("requester@brno.example")
    join(requester, adopter)
    return {
        "owner": owner,
        "adopter": adopter,
        "practice": practice,
        "manager": manager,
        "colleague": colleague,
        "requester": requester,
        "stranger": make_user("stranger@elsewhere.example"),
    }


def visit(**overrides):
    data = {
        "kind": "visit",
        "purpose": "We want to open 20 flats next year and would like to see your team at work.",
        "date_from": SOON,
        "people": "4",
        "languages": "English, Czech",
    }
    data.update(overrides)
    return data


def send(client, cast, **overrides):
    client.force_login(cast["requester"])
    url = reverse("adoption_request", args=[cast["practice"].pk])
    return client.post(url, visit(**overrides), follow=True)


def step(client, user, request, status, message=""):
    client.force_login(user)
    url = reverse("adoption_request_step", args=[request.pk])
    return client.post(url, {"status": status, "message": message}, follow=True)


def assert_no_address_in(messages, *users):
    for message in messages:
        assert not message.reply_to
        text = message.subject + message.body
        for user in users:
            assert user.email not in text


def test_a_member_of_another_organisation_sees_the_buttons(client, people):
    client.force_login(people["requester"])
    page = soup(client.get(people["practice"].url))
    labels = [a.get_text() for a in page.select(".adoption__actions a")]
    assert labels == ["Ask about adopting this", "Request a study visit"]
    client.force_login(people["colleague"])  # the owner's own members do not ask themselves
    assert not soup(client.get(people["practice"].url)).select(".adoption__actions")


def test_the_whole_lifecycle(client, people):
    response = send(client, people)
    assert "sent to the managers of Nørreby Municipality" in response.content.decode()
    request = AdoptionRequest.objects.get()
    assert [m.to for m in mail.outbox] == [["manager@nby.example"]]
    assert "City of Brno would like to learn" in mail.outbox[0].body
    assert_no_address_in(mail.outbox, people["requester"], people["manager"])

    mail.outbox.clear()
    response = step(client, people["manager"], request, "accepted", "Welcome on Tuesday!")
    assert [m.to for m in mail.outbox] == [["requester@brno.example"]]
    assert "Welcome on Tuesday!" in mail.outbox[0].body
    assert_no_address_in(mail.outbox, people["manager"])

    client.force_login(people["requester"])
    history = soup(client.get(reverse("adoption_request_detail", args=[request.pk])))
    text = " ".join(history.get_text(" ").split())
    assert "Accepted · Nørreby Municipality" in text
    assert "Welcome on Tuesday!" in text
    assert "manager@nby.example" not in text
    assert "requester@brno.example" not in text
    mine = soup(client.get(reverse("my_requests")))
    assert "Housing First in Nørreby" in mine.find(id="sent-heading").parent.get_text()

    mail.outbox.clear()
    step(client, people["requester"], request, "visited", "Thank you for the visit.")
    assert [m.to for m in mail.outbox] == [["manager@nby.example"]]

    mail.outbox.clear()
    response = step(client, people["requester"], request, "adapted")
    request.refresh_from_db()
    draft = request.draft.get_latest_revision_as_object()
    assert request.status == "adapted"
    assert draft.organisation == people["adopter"]
    assert not request.draft.live
    assert "A flat first, support after." in draft.approach
    assert [link.original for link in draft.adapted_from.all()] == [people["practice"]]
    assert [link.kind for link in draft.adapted_from.all()] == ["adapted-from"]
    assert response.redirect_chain[-1][0] == request.draft.get_edit_url()
    edit = soup(response)
    assert edit.find("input", {"name": "adapted_from-0-original"})["value"] == (
        people["practice"].full_url
    )
    assert [m.to for m in mail.outbox] == [["manager@nby.example"]]
    assert PracticePage.objects.filter(live=True).count() == 1


def test_the_owner_sees_it_received_and_others_cannot_open_it(client, people):
    send(client, people)
    request = AdoptionRequest.objects.get()
    client.force_login(people["manager"])
    received = soup(client.get(reverse("my_requests"))).find(id="received-heading").parent
    assert "City of Brno" in received.get_text()
    client.force_login(people["stranger"])
    assert client.get(reverse("adoption_request_detail", args=[request.pk])).status_code == 404


def test_a_declined_request_goes_no_further(client, people):
    send(client, people)
    request = AdoptionRequest.objects.get()
    mail.outbox.clear()
    step(client, people["manager"], request, "declined", "Not this year, sorry.")
    assert [m.to for m in mail.outbox] == [["requester@brno.example"]]
    response = step(client, people["requester"], request, "visited")
    assert "This step is not possible for this request now." in response.content.decode()
    request.refresh_from_db()
    assert request.status == "declined"


def test_only_the_owner_answers_and_only_the_requester_follows_up(client, people):
    send(client, people)
    request = AdoptionRequest.objects.get()
    step(client, people["requester"], request, "accepted")
    step(client, people["colleague"], request, "accepted")
    request.refresh_from_db()
    assert request.status == "pending"


def test_without_a_manager_the_editors_relay_it_and_the_requester_is_told(client, people, editor):
    people["manager"].memberships.update(role="member")
    response = send(client, people)
    text = response.content.decode()
    assert "has no manager on the portal yet" in text
    assert "sent to the portal&#x27;s editors" in text
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert "came to you as an editor" in mail.outbox[0].body
    request = AdoptionRequest.objects.get()
    mail.outbox.clear()
    step(client, editor, request, "accepted", "The municipality says yes.")
    request.refresh_from_db()
    assert request.status == "accepted"
    assert [m.to for m in mail.outbox] == [["requester@brno.example"]]


def test_a_visit_needs_dates_and_people_and_no_past(client, people):
    response = send(client, people, date_from="", people="")
    text = response.content.decode()
    assert "Give the first day you would like to visit." in text
    assert "Say how many people would come." in text
    response = send(client, people, date_from="2001-01-01")
    assert "The visit cannot start in the past." in response.content.decode()
    assert not AdoptionRequest.objects.exists()


def test_requests_are_rate_limited_with_a_clear_message(client, people):
    for _ in range(5):
        send(client, people, kind="question", date_from="", people="")
    response = send(client, people, kind="question")
    assert "You have sent several requests recently" in response.content.decode()
    assert AdoptionRequest.objects.count() == 5


def test_the_organisation_profile_counts_requests_answered(client, people):
    send(client, people)
    step(client, people["manager"], AdoptionRequest.objects.get(), "accepted")
    page = client.get(reverse("organisation_detail", args=["nby"])).content.decode()
    assert "Answered 1 request from other organisations (1 accepted)." in page
