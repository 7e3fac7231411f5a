"""Who is told what about a submission: one email per person per workflow step, ours only
(never Wagtail's admin notifications), and every link built from BASE_URL."""

import re

from django.core import mail

import pytest

from submissions.moderation import submit_for_review

pytestmark = pytest.mark.django_db
BASE_URL = "https://integra.example.eu"
URL = re.compile(r"https?://[^\s\"'<>]+")


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.WAGTAILADMIN_BASE_URL = BASE_URL


def to(address):
    return [m for m in mail.outbox if m.to == [address]]


def assert_links_use_base_url(members=()):
    links = [url for message in mail.outbox for url in URL.findall(message.body)]
    assert links, "the emails carry links"
    assert all(url.startswith(BASE_URL + "/") for url in links), links
    for member in members:
        assert not any("/admin/" in m.body for m in to(member.email)), (
            "members are never sent links to the admin they cannot open"
        )


def task_state_of(page):
    page.refresh_from_db()
    return page.current_workflow_task_state


def test_a_submission_sends_one_email_to_each_editor_and_only_ours_to_the_member(
    team, drafts, make_user
):
    second_editor = make_user("second-editor@example.net", editor=True)
    admin = make_user("admin@example.net", superuser=True)
    mail.outbox.clear()

    submit_for_review(drafts["practice"], team["member"])

    for editor in (team["editor"], second_editor, admin):
        received = to(editor.email)
        assert len(received) == 1, [m.subject for m in received]
        assert "Homework club" in received[0].subject
        assert f"{BASE_URL}/admin/pages/{drafts['practice'].pk}/edit/" in received[0].body
    member = to(team["member"].email)
    assert [m.subject for m in member] == ["[Integra] Submitted for review: Homework club"]
    assert len(to(team["manager"].email)) == 1
    assert_links_use_base_url([team["member"], team["manager"]])


def test_changes_requested_and_approval_send_the_member_one_email_each(team, drafts):
    practice = drafts["practice"]
    submit_for_review(practice, team["member"])
    mail.outbox.clear()

    task_state_of(practice).reject(user=team["editor"], comment="Please add the budget.")
    received = to(team["member"].email)
    assert [m.subject for m in received] == ["[Integra] Changes requested: Homework club"]
    assert "Please add the budget." in received[0].body
    assert "has been rejected" not in received[0].body
    assert_links_use_base_url([team["member"], team["manager"]])

    submit_for_review(practice, team["member"])
    mail.outbox.clear()
    task_state_of(practice).approve(user=team["editor"])
    received = to(team["member"].email)
    assert [m.subject for m in received] == ["[Integra] Published: Homework club"]
    practice.refresh_from_db()
    assert practice.live
    assert f"{BASE_URL}{practice.url}" in received[0].body
    assert len(to(team["manager"].email)) == 1
    assert to(team["editor"].email) == []
    assert_links_use_base_url([team["member"], team["manager"]])


def test_account_emails_use_base_url(client, home):
    client.post(
        "/en/accounts/signup/",
        {
            "first_name": "Nadia",
            "last_name": "Haddad",
            "email": "nadia@example.org",
            "password1": "Newcomers-welcome-2026",
            "password2": "Newcomers-welcome-2026",
        },
    )
    client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"})
    assert len(mail.outbox) == 2
    assert "testserver" not in "".join(m.body for m in mail.outbox)
    assert_links_use_base_url()
