import pytest


@pytest.fixture
def team(make_user, make_organisation, join, editor):
    """An organisation with a member and a manager, and an editor."""
    organisation = make_organisation("municipality", "se", name="City of Norrvik", slug="norrvik")
    member = make_user("ann@norrvik.example.org")
    manager = make_user("mats@norrvik.example.org")
    join(member, organisation)
    join(manager, organisation, role="manager")
    return {"organisation": organisation, "member": member, "manager": manager, "editor": editor}


@pytest.fixture
def drafts(team, make_practice, make_event):
    """A draft practice and a draft event of the team's organisation, each with a revision."""
    practice = make_practice(title="Homework club", organisation=team["organisation"], live=False)
    event = make_event(title="Open day", organisation=team["organisation"], live=False)
    for page in (practice, event):
        page.save_revision(user=team["member"])
    return {"practice": practice, "event": event}
