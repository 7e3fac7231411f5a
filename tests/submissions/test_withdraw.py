"""A member takes their submission back out of review: it is a draft again, and the submitter
and managers are told."""

from django.core import mail
from django.test import Client
from django.urls import reverse

from wagtail.models import PageLogEntry

import pytest

from submissions.moderation import review_state, submit_for_review
from tests.utils import soup, text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", ["practice", "event"])
def test_member_withdraws_a_submission_in_review(client, team, drafts, kind):
    page = drafts[kind]
    submit_for_review(page, team["member"])
    client.force_login(team["member"])
    mail.outbox.clear()

    response = client.post(reverse(f"{kind}_withdraw", args=[page.pk]))

    assert response["Location"] == reverse("my_submissions")
    page.refresh_from_db()
    assert not page.workflow_in_progress and not page.live
    assert review_state(page)[0] == "draft"
    assert PageLogEntry.objects.filter(page=page, action="wagtail.workflow.cancel").exists()
    withdrawn = [m for m in mail.outbox if "Review withdrawn" in m.subject]
    assert sorted(m.to[0] for m in withdrawn) == sorted(
        [team["member"].email, team["manager"].email, team["editor"].email]
    )
    # The editor, told of the submission, is told it no longer waits for them.
    (to_editor,) = [m for m in withdrawn if m.to == [team["editor"].email]]
    assert "withdrew “" in to_editor.body and "from review" in to_editor.body
    assert "http://testserver/admin/review-queue/" in to_editor.body
    listing = text(client.get(reverse("my_submissions")))
    assert "is no longer in review" in listing
    assert "Draft" in listing
    # Back to a draft the member may edit.
    assert client.get(page.get_edit_url()).status_code == 200


def test_my_submissions_offers_withdraw_only_for_rows_in_review(client, team, drafts):
    practice, event = drafts["practice"], drafts["event"]
    submit_for_review(practice, team["member"])
    client.force_login(team["member"])
    page = soup(client.get(reverse("my_submissions")))

    buttons = page.select("button[form^=withdraw-]")
    assert len(buttons) == 1
    assert "Homework club" in buttons[0].get_text()
    form = page.select_one(f"form#{buttons[0]['form']}")
    assert form["method"] == "post"
    assert form["action"] == practice.get_withdraw_url()
    assert form.select_one("input[name=csrfmiddlewaretoken]")
    assert not page.select(f'form[action="{event.get_withdraw_url()}"]')


def test_withdraw_needs_a_post_with_a_csrf_token(team, drafts):
    page = drafts["practice"]
    submit_for_review(page, team["member"])
    client = Client(enforce_csrf_checks=True)
    client.force_login(team["member"])
    url = page.get_withdraw_url()
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403
    page.refresh_from_db()
    assert page.workflow_in_progress


def test_only_the_organisation_withdraws_and_only_what_is_in_review(
    client, team, drafts, make_user
):
    page = drafts["practice"]
    url = page.get_withdraw_url()
    client.force_login(team["member"])
    assert client.post(url).status_code == 403  # a draft: nothing to withdraw

    submit_for_review(page, team["member"])
    client.force_login(make_user("bea@elsewhere.example.org"))
    assert client.post(url).status_code == 403
    client.logout()
    assert client.post(url).status_code == 302  # to the login page
    page.refresh_from_db()
    assert page.workflow_in_progress
