"""The preview after "Save and preview" offers the next steps: edit the draft, submit it for
review (or withdraw it from review), to those who may."""

from django.core import mail
from django.urls import reverse

import pytest

from practices.models import PracticePage
from submissions.moderation import review_state, submit_for_review
from tests.conftest import complete_practice_data
from tests.utils import soup, text

pytestmark = pytest.mark.django_db


def banner(response):
    return soup(response).select_one(".preview-banner")


def actions(response):
    """(links, form actions) of the preview's banner."""
    found = banner(response)
    return (
        [a["href"] for a in found.select("a")],
        [form["action"] for form in found.select("form")],
    )


def test_save_and_preview_leads_to_a_preview_with_edit_and_submit(client, team, library):
    client.force_login(team["member"])
    response = client.post(
        reverse("practice_submit"), complete_practice_data(action="preview"), follow=True
    )
    practice = PracticePage.objects.get(title="Homework club in the library")

    assert response.redirect_chain[-1][0] == practice.get_preview_url()
    assert "Preview: this version is not published." in text(response)
    assert "Status: Draft" in banner(response).get_text(" ", strip=True)
    links, forms = actions(response)
    assert practice.get_edit_url() in links
    assert forms == [practice.get_submit_draft_url()]
    assert banner(response).select_one("form button").get_text(strip=True) == "Submit for review"


def test_submit_from_the_preview_sends_the_draft_for_review(client, team, library):
    client.force_login(team["member"])
    client.post(reverse("practice_submit"), complete_practice_data(action="preview"))
    practice = PracticePage.objects.get(title="Homework club in the library")
    mail.outbox.clear()

    response = client.post(practice.get_submit_draft_url(), follow=True)

    assert response.redirect_chain[-1][0] == reverse("my_submissions")
    assert "is now waiting for an editor's review" in text(response)
    practice.refresh_from_db()
    assert review_state(practice)[0] == "in_review"
    assert practice.latest_revision.as_object().licence_agreed_at is not None
    assert [m.to[0] for m in mail.outbox if "To review:" in m.subject] == [team["editor"].email]


def test_an_incomplete_draft_sent_from_the_preview_opens_the_form_with_its_errors(
    client, team, drafts
):
    practice = drafts["practice"]  # a draft with a title only
    client.force_login(team["member"])

    response = client.post(practice.get_submit_draft_url())

    assert response.status_code == 200
    page = soup(response)
    assert page.select_one("h1").get_text(strip=True) == "Edit “Homework club”"
    assert page.select(".field--error")
    practice.refresh_from_db()
    assert not practice.workflow_in_progress


def test_in_review_the_preview_offers_withdraw_not_edit(client, team, drafts):
    practice = drafts["practice"]
    submit_for_review(practice, team["member"])
    client.force_login(team["member"])

    links, forms = actions(client.get(practice.get_preview_url()))

    assert practice.get_edit_url() not in links
    assert forms == [practice.get_withdraw_url()]
    assert client.post(practice.get_submit_draft_url()).status_code == 302
    practice.refresh_from_db()
    assert practice.workflow_in_progress


def test_only_the_organisation_and_editors_may_submit_from_the_preview(
    client, team, drafts, make_user
):
    practice = drafts["practice"]
    client.force_login(make_user("bea@elsewhere.example.org"))
    assert client.get(practice.get_preview_url()).status_code == 403
    assert client.post(practice.get_submit_draft_url()).status_code == 403
    assert client.get(practice.get_submit_draft_url()).status_code == 405
    client.logout()
    assert client.post(practice.get_submit_draft_url()).status_code == 302  # to sign in
    practice.refresh_from_db()
    assert not practice.workflow_in_progress


def test_the_admin_preview_has_no_member_actions(editor_client, drafts):
    practice = drafts["practice"]
    response = editor_client.get(reverse("wagtailadmin_pages:preview_on_edit", args=[practice.pk]))
    assert not soup(response).select(".preview-actions")


def test_an_event_draft_without_dates_goes_back_to_its_form_with_a_message(
    client, team, events_page
):
    client.force_login(team["member"])
    response = client.post(
        reverse("event_submit"), {"title": "Open day", "action": "preview"}, follow=True
    )

    assert response.status_code == 200
    assert "Give the event's start and end dates to preview it." in text(response)
    assert soup(response).select_one("h1").get_text(strip=True) == "Edit “Open day”"


def test_an_event_draft_with_its_dates_is_previewed_with_the_actions(client, team, drafts):
    event = drafts["event"]
    client.force_login(team["member"])
    links, forms = actions(client.get(event.get_preview_url()))
    assert event.get_edit_url() in links
    assert forms == [event.get_submit_draft_url()]
