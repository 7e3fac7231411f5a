"""Editors see everything waiting for review in the Wagtail admin, oldest first."""

from django.urls import reverse

import pytest

from submissions.moderation import submit_for_review
from tests.utils import text

pytestmark = pytest.mark.django_db


def test_editor_review_queue_lists_oldest_first(client, team, library, make_practice):
    older = make_practice(title="Older", organisation=team["organisation"], live=False)
    newer = make_practice(title="Newer", organisation=team["organisation"], live=False)
    submit_for_review(older, team["member"])
    submit_for_review(newer, team["member"])
    client.force_login(team["editor"])
    response = client.get(reverse("review_queue"))
    assert response.status_code == 200
    page = text(response)
    assert page.index("Older") < page.index("Newer")


def test_review_queue_lists_every_submitted_type(client, team, drafts):
    submit_for_review(drafts["practice"], team["member"])
    submit_for_review(drafts["event"], team["member"])
    client.force_login(team["editor"])
    page = text(client.get(reverse("review_queue")))
    assert "Homework club" in page and "Open day" in page


def test_review_queue_is_for_editors_only(client, team):
    client.force_login(team["manager"])
    assert client.get(reverse("review_queue")).status_code in (302, 403)
