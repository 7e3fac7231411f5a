"""Contacting a practice's owner: relayed by email to the managers, whose addresses stay hidden."""

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest

from tests.utils import text

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice(make_practice, make_organisation, make_user, join):
    organisation = make_organisation("municipality", "se", name="City of Norrvik", slug="norrvik")
    for email in ["boss1@norrvik.example.org", "boss2@norrvik.example.org"]:
        join(make_user(email), organisation, role="manager")
    join(make_user("staff@norrvik.example.org"), organisation)
    return make_practice(title="Language café", organisation=organisation)


def send(client, practice, message="How did you find volunteers?"):
    return client.post(
        reverse("practice_contact", args=[practice.pk]),
        {"subject": "Volunteers", "message": message},
    )


def test_login_required(client, practice):
    response = send(client, practice)
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert mail.outbox == []


def test_message_goes_to_each_manager_separately(client, practice, make_user):
    sender = make_user("curious@example.org")
    client.force_login(sender)
    response = send(
        client, practice, "How did you find <b>volunteers</b>?<script>alert(1)</script>"
    )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == [
        "boss1@norrvik.example.org",
        "boss2@norrvik.example.org",
    ]
    for message in mail.outbox:
        assert len(message.to) == 1 and not message.cc and not message.bcc
        assert message.reply_to == ["curious@example.org"]
        assert "How did you find volunteers?" in message.body
        assert "<script>" not in message.body and "<b>" not in message.body
    # The sender never sees the managers' addresses.
    follow = client.get(practice.url)
    assert "boss1@" not in follow.content.decode()
    assert "Your message has been sent to City of Norrvik" in text(follow)


def test_contact_is_rate_limited(client, practice, make_user):
    client.force_login(make_user("chatty@example.org"))
    for _ in range(5):
        send(client, practice)
    mail.outbox.clear()
    response = send(client, practice)
    assert mail.outbox == []
    assert "several messages recently" in text(client.get(response["Location"]))


def test_empty_message_is_refused(client, practice, make_user):
    client.force_login(make_user("quiet@example.org"))
    response = client.post(
        reverse("practice_contact", args=[practice.pk]), {"subject": "", "message": ""}
    )
    assert response.status_code == 200
    assert "This field is required." in text(response)
    assert mail.outbox == []


@pytest.mark.parametrize("restriction", ["password", "groups", "login"])
def test_restricted_practice_cannot_be_contacted(client, practice, make_user, restriction):
    restricted = PageViewRestriction.objects.create(
        page=practice, restriction_type=restriction, password="secret"
    )
    if restriction == "groups":
        restricted.groups.add(Group.objects.get(name="Editors"))
    client.force_login(make_user("curious@example.org"))
    url = reverse("practice_contact", args=[practice.pk])
    page = client.get(url)
    assert page.status_code == 404
    assert "Language café" not in page.content.decode()
    assert send(client, practice).status_code == 404
    assert mail.outbox == []


def test_without_managers_the_sender_is_told_the_editors_relay_it(
    client, make_practice, make_organisation, make_user, editor
):
    organisation = make_organisation("ngo", "se", name="Open Doors", slug="open-doors")
    practice = make_practice(title="Buddy walks", organisation=organisation)
    client.force_login(make_user("curious@example.org"))
    form = text(client.get(reverse("practice_contact", args=[practice.pk])))
    assert "goes to the organisation's managers" not in form
    assert "portal's editors" in form

    response = send(client, practice)

    assert [m.to for m in mail.outbox] == [[editor.email]]
    relayed = mail.outbox[0]
    assert "Open Doors" in relayed.subject and "Volunteers" in relayed.subject
    assert "has no manager" in relayed.body and "pass it on" in relayed.body
    assert "about your practice" not in relayed.body
    assert relayed.reply_to == ["curious@example.org"]
    shown = text(client.get(response["Location"]))
    assert "Your message has been sent to Open Doors" not in shown
    assert "They will reply" not in shown
    assert "portal's editors" in shown
