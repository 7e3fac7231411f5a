"""Joining an organisation, proposing a new one, and managing members."""

from django.core import mail
from django.urls import reverse

import pytest

from portal.models import Membership, Organisation, OrganisationStatus
from tests.utils import text

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(make_organisation, make_user, join):
    organisation = make_organisation("ngo", "se", name="Welcome House", slug="welcome-house")
    manager = make_user("manager@welcome.example.org")
    join(manager, organisation, role="manager")
    return organisation, manager


def test_join_request_is_decided_by_a_manager(client, org, make_user):
    organisation, manager = org
    newcomer = make_user("sara@welcome.example.org")
    client.force_login(newcomer)
    mail.outbox.clear()
    client.post(
        reverse("organisation_join", args=[organisation.slug]),
        {"message": "I coordinate volunteers."},
    )
    membership = Membership.objects.get(user=newcomer)
    assert membership.status == Membership.Status.PENDING
    assert [m.to for m in mail.outbox] == [[manager.email]]
    assert "I coordinate volunteers." in mail.outbox[0].body
    assert "waiting" in text(client.get(organisation.get_absolute_url()))
    # Not yet a member: cannot submit for the organisation.
    assert client.get(reverse("practice_submit")).status_code == 302

    # Only managers (and editors) decide.
    assert client.get(reverse("organisation_members", args=[organisation.slug])).status_code == 403
    client.force_login(manager)
    mail.outbox.clear()
    client.post(
        reverse("organisation_members", args=[organisation.slug]),
        {"membership": membership.pk, "action": "accept"},
    )
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACTIVE
    assert mail.outbox[0].to == [newcomer.email]
    assert "You are now a member of Welcome House" in mail.outbox[0].subject

    client.force_login(newcomer)
    assert client.get(reverse("practice_submit")).status_code == 200


def test_refused_request(client, org, make_user):
    organisation, manager = org
    newcomer = make_user("x@example.org")
    client.force_login(newcomer)
    client.post(reverse("organisation_join", args=[organisation.slug]), {"message": ""})
    client.force_login(manager)
    membership = Membership.objects.get(user=newcomer)
    client.post(
        reverse("organisation_members", args=[organisation.slug]),
        {"membership": membership.pk, "action": "refuse"},
    )
    membership.refresh_from_db()
    assert membership.status == Membership.Status.REFUSED
    client.force_login(newcomer)
    assert client.get(reverse("practice_submit")).status_code == 302


def test_people_are_shown_only_to_members(client, org, make_user):
    organisation, manager = org
    assert "People" not in text(client.get(organisation.get_absolute_url()))
    client.force_login(make_user("outsider@example.org"))
    assert "Manager@Welcome.Example.Org" not in text(client.get(organisation.get_absolute_url()))
    assert "Do you work here?" in text(client.get(organisation.get_absolute_url()))
    client.force_login(manager)
    page = text(client.get(organisation.get_absolute_url()))
    assert "People" in page and "Manager" in page


def test_proposed_organisation_waits_for_an_editor(client, make_user, editor):
    from portal.models import Country, OrganisationType

    proposer = make_user("founder@example.org")
    client.force_login(proposer)
    mail.outbox.clear()
    client.post(
        reverse("organisation_propose"),
        {
            "name": "Roots & Routes Collective",
            "organisation_type": OrganisationType.objects.get(code="migrant-led").pk,
            "country": Country.objects.get(code="pt").pk,
            "region_city": "Lisbon",
            "website": "roots.example.org",
            "description": "<b>Peer</b> support run by newcomers.",
        },
    )
    organisation = Organisation.objects.get(name="Roots & Routes Collective")
    assert organisation.status == OrganisationStatus.PROPOSED
    assert organisation.description == "Peer support run by newcomers."
    assert organisation.website == "https://roots.example.org"
    assert [m.to for m in mail.outbox] == [[editor.email]]
    # Hidden until approved: its proposer alone (and editors) see the profile, marked so.
    profile = client.get(f"/en/organisations/{organisation.slug}/")
    assert "is not public yet" in text(profile)
    assert "Roots" not in text(client.get(reverse("organisation_list")))
    client.force_login(make_user("someone@example.org"))
    assert client.get(f"/en/organisations/{organisation.slug}/").status_code == 404
    client.force_login(proposer)

    organisation.status = OrganisationStatus.APPROVED
    mail.outbox.clear()
    organisation.save()
    membership = Membership.objects.get(user=proposer)
    assert (
        membership.status == Membership.Status.ACTIVE and membership.role == Membership.Role.MANAGER
    )
    assert mail.outbox[0].to == [proposer.email]
    assert client.get(f"/en/organisations/{organisation.slug}/").status_code == 200


def test_duplicate_organisation_names_are_refused(client, org, make_user):
    client.force_login(make_user("dup@example.org"))
    response = client.post(reverse("organisation_propose"), {"name": "welcome house"})
    assert "already on Integra: ask to join it instead" in text(response)


def test_directory_search(client, org, make_organisation):
    make_organisation("municipality", "de", name="Stadt Altenbrück", slug="altenbrueck")
    response = client.get(reverse("organisation_list") + "?q=welcome")
    assert "Welcome House" in text(response) and "Altenbrück" not in text(response)
    response = client.get(reverse("organisation_list") + "?country=de")
    assert "Altenbrück" in text(response) and "Welcome House" not in text(response)
