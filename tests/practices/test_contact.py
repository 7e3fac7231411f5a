"""Contacting a practice's owner: relayed by email to the managers, whose addresses stay hidden."""

from django.core import mail
from django.urls import reverse

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
