"""Editors find everything that waits for them in one queue (pages, organisation proposals,
requests to join), counted in the admin menu; they return to it after a decision and start
there after signing in; editorial mail reaches the superusers while there is no editor."""

from django.core import mail
from django.urls import reverse

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)

from portal.factories import OrganisationFactory
from portal.memberships import propose_organisation, request_membership
from portal.models import OrganisationStatus
from submissions.moderation import submit_for_review
from tests.utils import soup, text

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.fixture
def waiting(team, drafts, make_user, make_organisation):
    """One page in review, one organisation proposal, two requests to join (one of an
    organisation without a manager)."""
    submit_for_review(drafts["practice"], team["member"])
    proposer = make_user("ola@example.org")
    proposal = OrganisationFactory.build(
        name="Folkets hus Norrvik",
        organisation_type=team["organisation"].organisation_type,
        country=team["organisation"].country,
    )
    propose_organisation(proposer, proposal)
    request_membership(make_user("bea@example.org"), team["organisation"], "Hello")
    unmanaged = make_organisation("ngo", "se", name="Neighbours", slug="neighbours")
    request_membership(make_user("cai@example.org"), unmanaged)
    return {"proposal": proposal, "unmanaged": unmanaged, **drafts}


def section(page, heading_id):
    return page.select_one(f"section[aria-labelledby={heading_id}]")


def test_the_queue_lists_pages_proposals_and_requests_to_join(client, team, waiting):
    client.force_login(team["editor"])
    page = soup(client.get(reverse("review_queue")))

    headings = [h.get_text(strip=True) for h in page.select("main h2, section h2")]
    assert "Submissions (1)" in headings
    assert "Organisation proposals (1)" in headings
    assert "Requests to join (2)" in headings
    proposals = section(page, "queue-proposals")
    link = proposals.find("a", string="Folkets hus Norrvik")
    assert link["href"] == reverse(
        "wagtailsnippets_portal_organisation:edit", args=[waiting["proposal"].pk]
    )
    assert "Ola" in proposals.get_text()
    requests = section(page, "queue-memberships").get_text(" ", strip=True)
    assert "bea@example.org" in requests and "cai@example.org" in requests
    assert "ola@example.org" not in requests  # the proposer's membership goes with the proposal
    rows = {
        row.select_one("td").get_text(" ", strip=True).split()[0]: row
        for row in section(page, "queue-memberships").select("tbody tr")
    }
    assert rows["Cai"].find("a")["href"] == (
        reverse("organisation_members", args=["neighbours"]) + "?next=%2Fadmin%2Freview-queue%2F"
    )
    assert "no manager: an editor decides" in rows["Cai"].get_text()
    assert "no manager" not in rows["Bea"].get_text()
    pages = section(page, "queue-pages")
    assert pages.find("a", string="Homework club")["href"] == (
        reverse("wagtailadmin_pages:edit", args=[waiting["practice"].pk])
        + "?next=%2Fadmin%2Freview-queue%2F"
    )


def test_the_admin_menu_counts_what_waits(client, team, waiting):
    client.force_login(team["editor"])
    assert "Review queue (4)" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_admin_menu_shows_no_count_when_nothing_waits(client, team):
    client.force_login(team["editor"])
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Review queue" in content and "Review queue (" not in content


def test_the_organisation_list_has_a_status_column_and_filter(client, team, waiting):
    client.force_login(team["editor"])
    url = reverse("wagtailsnippets_portal_organisation:list")
    page = soup(client.get(url))
    headers = [th.get_text(" ", strip=True) for th in page.select("table thead th")]
    assert "Status" in headers
    assert "Proposed, waiting for an editor" in text(client.get(url))

    filtered = soup(client.get(url, {"status": "proposed"}))
    names = [a.get_text(strip=True) for a in filtered.select("table tbody td a")]
    assert "Folkets hus Norrvik" in names
    assert "City of Norrvik" not in names


def test_approving_a_proposal_returns_the_editor_to_the_queue(client, team, waiting):
    proposal = waiting["proposal"]
    client.force_login(team["editor"])
    response = client.post(
        reverse("wagtailsnippets_portal_organisation:edit", args=[proposal.pk]),
        {
            "status": "approved",
            "name": proposal.name,
            "slug": proposal.slug,
            "organisation_type": proposal.organisation_type_id,
            "country": proposal.country_id,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("review_queue")
    proposal.refresh_from_db()
    assert proposal.status == OrganisationStatus.APPROVED
    # An ordinary edit of an approved organisation goes back to the list as usual.
    response = client.post(
        reverse("wagtailsnippets_portal_organisation:edit", args=[proposal.pk]),
        {
            "status": "approved",
            "name": "Folkets hus i Norrvik",
            "slug": proposal.slug,
            "organisation_type": proposal.organisation_type_id,
            "country": proposal.country_id,
        },
    )
    assert response["Location"] != reverse("review_queue")


def test_declining_a_proposal_returns_the_editor_to_the_queue(client, team, waiting):
    proposal = waiting["proposal"]
    client.force_login(team["editor"])
    response = client.post(
        reverse("wagtailsnippets_portal_organisation:edit", args=[proposal.pk]),
        {
            "status": "rejected",
            "name": proposal.name,
            "slug": proposal.slug,
            "organisation_type": proposal.organisation_type_id,
            "country": proposal.country_id,
        },
    )
    assert response["Location"] == reverse("review_queue")
    page = soup(client.get(response["Location"]))
    assert "Folkets hus Norrvik" not in section(page, "queue-proposals").get_text()


def test_deciding_a_request_to_join_from_the_queue_returns_there(client, team, waiting):
    client.force_login(team["editor"])
    queue_page = soup(client.get(reverse("review_queue")))
    link = section(queue_page, "queue-memberships").find("a", string="Neighbours")["href"]
    members = soup(client.get(link))
    assert members.find("a", string="Back to the review queue")["href"] == reverse("review_queue")
    form = members.select_one("section[aria-labelledby=pending-heading] form")
    response = client.post(
        link,
        {
            "membership": form.find("input", attrs={"name": "membership"})["value"],
            "next": form.find("input", attrs={"name": "next"})["value"],
            "action": "accept",
        },
    )
    assert response["Location"] == reverse("review_queue")
    requests = section(soup(client.get(reverse("review_queue"))), "queue-memberships")
    assert "cai@example.org" not in requests.get_text()
    assert "Requests to join (1)" in requests.get_text(" ", strip=True)


def test_a_next_address_elsewhere_is_ignored(client, team, waiting):
    client.force_login(team["editor"])
    url = reverse("organisation_members", args=["neighbours"])
    membership = waiting["unmanaged"].memberships.get()
    response = client.post(
        url, {"membership": membership.pk, "next": "https://evil.example/", "action": "refuse"}
    )
    assert response["Location"] == url


def test_without_editors_editorial_mail_goes_to_the_superusers(make_user):
    from django.contrib.auth.models import Group

    Group.objects.get(name="Editors").user_set.clear()
    admin = make_user("root@example.org", superuser=True)
    mail.outbox.clear()

    proposal = OrganisationFactory.build(
        name="Folkets hus Norrvik",
        organisation_type=OrganisationFactory().organisation_type,
        country=OrganisationFactory().country,
    )
    propose_organisation(make_user("ola@example.org"), proposal)

    assert [m.to for m in mail.outbox] == [[admin.email]]
    assert "Folkets hus Norrvik" in mail.outbox[0].subject + mail.outbox[0].body
    # …and a request to join an organisation without a manager.
    mail.outbox.clear()
    request_membership(make_user("bea@example.org"), OrganisationFactory(name="Neighbours"))
    assert [m.to for m in mail.outbox] == [[admin.email]]


def sign_in_with_totp(client, user, **extra):
    Authenticator.objects.filter(user=user).delete()
    TOTP.activate(user, TOTP_SECRET)
    response = client.post(
        reverse("account_login") + extra.get("query", ""),
        {"login": user.email, "password": PASSWORD},
    )
    assert response.status_code == 302
    code = format_hotp_value(hotp_value(TOTP_SECRET, next(yield_hotp_counters_from_time())))
    return client.post(response["Location"], {"code": code})


def test_editors_land_on_the_queue_after_signing_in(client, team):
    response = sign_in_with_totp(client, team["editor"])
    assert response["Location"] == reverse("review_queue")


def test_an_editor_going_somewhere_gets_there(client, team):
    response = sign_in_with_totp(client, team["editor"], query="?next=/en/organisations/")
    assert response["Location"] == "/en/organisations/"


def test_members_still_land_on_their_submissions(client, team):
    response = client.post(
        reverse("account_login"), {"login": team["member"].email, "password": PASSWORD}
    )
    assert response["Location"] == reverse("my_submissions")
