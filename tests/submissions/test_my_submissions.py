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


def test_translations_are_grouped_under_their_practice_with_a_language_column(
    client, team, make_practice, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    from portal import locales

    original = make_practice(title="Homework club", organisation=team["organisation"])
    make_practice(title="Language café", organisation=team["organisation"])
    with django_capture_on_commit_callbacks(execute=True):
        locales.provision(languages=["sv"])
        locales.translate(original, Locale.objects.get(language_code="sv"), {})
    translation = original.get_translation(Locale.objects.get(language_code="sv"))
    translation.title = translation.draft_title = "Läxklubben"
    translation.save()
    client.force_login(team["member"])

    page = soup(client.get(reverse("my_submissions")))

    headers = [th.get_text(strip=True) for th in page.select("table thead th")]
    assert headers == ["Title", "Language", "Organisation", "Status", "Actions"]
    groups = [
        [[td.get_text(" ", strip=True) for td in row.select("td")[:2]] for row in body.select("tr")]
        for body in page.select("table tbody")
    ]
    assert sorted(groups) == sorted(
        [
            [
                ["Homework club (good practice)", "English"],
                ["Translation: Läxklubben (good practice)", "Swedish"],
            ],
            [["Language café (good practice)", "English"]],
        ]
    )
    assert page.select_one(".submissions__translation [lang=sv]").get_text() == "Läxklubben"


def test_an_own_organisation_proposal_reads_as_a_proposal_with_a_working_link(
    client, make_user, editor
):
    from portal.factories import OrganisationFactory
    from portal.memberships import propose_organisation

    proposer = make_user("ola@example.org")
    proposal = OrganisationFactory.build(name="Folkets hus Norrvik")
    proposal.organisation_type = OrganisationFactory().organisation_type
    proposal.country = OrganisationFactory().country
    propose_organisation(proposer, proposal)
    client.force_login(proposer)

    page = soup(client.get(reverse("my_submissions")))

    messages = " ".join(p.get_text(" ", strip=True) for p in page.select("p.message"))
    assert "You proposed Folkets hus Norrvik as a new organisation." in messages
    assert "request to join" not in messages
    link = page.find("a", string="See the proposed profile of Folkets hus Norrvik")
    profile = client.get(link["href"])
    assert profile.status_code == 200
    assert "is not public yet" in soup(profile).select_one(".proposal-notice").get_text()
    assert not soup(profile).select("form[action$='/join/']")
    # Nobody else sees it until it is approved; editors see it with a way to review it.
    client.force_login(make_user("bea@example.org"))
    assert client.get(link["href"]).status_code == 404
    client.logout()
    assert client.get(link["href"]).status_code == 404
    client.force_login(editor)
    review = soup(client.get(link["href"])).find("a", string="Review the proposal")
    assert review["href"] == reverse("wagtailsnippets_portal_organisation:edit", args=[proposal.pk])
