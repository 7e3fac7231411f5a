"""'My submissions' lists every registered content type's pages of the member's
organisations, with their status and what the member may do with each."""

from django.urls import reverse

import pytest

from submissions.moderation import submit_for_review
from tests.utils import soup

pytestmark = pytest.mark.django_db


def rows(response):
    return {
        row.select_one("td").get_text(" ", strip=True): row
        for row in soup(response).select("table tbody tr")
    }


def test_lists_practices_and_events_with_their_links(client, team, drafts):
    practice, event = drafts["practice"], drafts["event"]
    submit_for_review(event, team["member"])
    client.force_login(team["member"])
    response = client.get(reverse("my_submissions"))

    found = rows(response)
    assert list(found) == ["Homework club (good practice)", "Open day (event)"]
    practice_links = [a["href"] for a in found["Homework club (good practice)"].select("a")]
    assert practice_links == [practice.get_edit_url(), practice.get_preview_url()]
    # In review: no edit link until it is withdrawn or reviewed.
    event_links = [a["href"] for a in found["Open day (event)"].select("a")]
    assert event_links == [event.get_preview_url()]
    new = [a["href"] for a in soup(response).select(".page-head .button-row a")]
    assert new == [reverse("practice_submit"), reverse("event_submit")]


def test_other_organisations_pages_are_not_listed(client, team, drafts, make_user):
    client.force_login(make_user("bea@elsewhere.example.org"))
    assert rows(client.get(reverse("my_submissions"))) == {}
