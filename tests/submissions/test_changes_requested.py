"""After an editor asks for changes, their comment is at the top of the edit form, where the
member makes them."""

from django.urls import reverse

from wagtail.models import TaskState

import pytest

from submissions.moderation import submit_for_review
from tests.utils import soup

pytestmark = pytest.mark.django_db


def request_changes(page, editor, comment):
    state = TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    state.reject(user=editor, comment=comment)


@pytest.mark.parametrize("kind", ["practice", "event"])
def test_the_editors_comment_opens_the_edit_form(client, team, drafts, kind):
    page = drafts[kind]
    submit_for_review(page, team["member"])
    request_changes(page, team["editor"], "Please add the budget.\nAnd a photo.")
    client.force_login(team["member"])

    form_page = soup(client.get(page.get_edit_url()))

    notice = form_page.select_one(".editor-comment")
    assert notice.select_one("h2").get_text(strip=True) == "An editor asked for changes"
    assert notice.select_one("blockquote").get_text("|", strip=True) == (
        "Please add the budget.|And a photo."
    )
    # At the top: before the form itself.
    assert notice.find_next("form", class_="form") is not None
    assert notice.find_previous("form", class_="form") is None


def test_no_comment_once_submitted_again_or_on_a_new_form(client, team, drafts):
    practice = drafts["practice"]
    client.force_login(team["member"])
    assert not soup(client.get(practice.get_edit_url())).select(".editor-comment")
    assert not soup(client.get(reverse("practice_submit"))).select(".editor-comment")

    submit_for_review(practice, team["member"])
    request_changes(practice, team["editor"], "Please add the budget.")
    assert soup(client.get(practice.get_edit_url())).select(".editor-comment")
    submit_for_review(practice, team["member"])
    client.force_login(team["editor"])  # editors may open it while it is in review
    assert not soup(client.get(practice.get_edit_url())).select(".editor-comment")
