"""The permission matrix: who may do what with organisation A's practices, every cell asserted.

Roles: anonymous, member of A, member of B, manager of A, editor, admin.
"""

from django.core import mail
from django.urls import reverse

from wagtail.models import Page

import pytest

from practices.models import PracticePage
from submissions.moderation import submit_for_review
from tests.conftest import complete_practice_data

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member_b", "member_a", "manager_a", "editor", "admin"]
# action: roles allowed to do it
MATRIX = {
    "view_live": {"anonymous", "member_b", "member_a", "manager_a", "editor", "admin"},
    "preview_draft": {"member_a", "manager_a", "editor", "admin"},
    "create": {"member_a", "manager_a", "editor", "admin"},
    "edit": {"member_a", "manager_a", "editor", "admin"},
    "submit": {"member_a", "manager_a", "editor", "admin"},
    "approve": {"editor", "admin"},
    "unpublish": {"editor", "admin"},
    "delete": {"member_a", "manager_a", "editor", "admin"},
    "see_members": {"member_a", "manager_a", "editor", "admin"},
    "contact": {"member_b", "member_a", "manager_a", "editor", "admin"},
}


@pytest.fixture
def world(make_user, make_organisation, make_practice, join):
    org_a = make_organisation("municipality", "se", name="City of Norrvik", slug="norrvik")
    org_b = make_organisation("ngo", "de", name="Neighbours e.V.", slug="neighbours")
    users = {
        "member_a": make_user("ann@norrvik.example.org"),
        "manager_a": make_user("mats@norrvik.example.org"),
        "member_b": make_user("bea@neighbours.example.org"),
        "editor": make_user("edith@integra.example.org", editor=True),
        "admin": make_user("admin@integra.example.org", superuser=True),
    }
    join(users["member_a"], org_a)
    join(users["manager_a"], org_a, role="manager")
    join(users["member_b"], org_b)
    live = make_practice(title="Language café", organisation=org_a, slug="language-cafe")
    draft = make_practice(
        title="Homework club", organisation=org_a, slug="homework-club", live=False
    )
    draft.save_revision(user=users["member_a"])
    return {"org_a": org_a, "org_b": org_b, "users": users, "live": live, "draft": draft}


def act(client, world, role, action):
    """Try `action` as `role`; return True if it took effect."""
    user = world["users"].get(role)
    if user:
        client.force_login(user)
    org_a, live, draft = world["org_a"], world["live"], world["draft"]

    if action == "view_live":
        return client.get(live.url).status_code == 200
    if action == "preview_draft":
        return client.get(reverse("practice_preview", args=[draft.pk])).status_code == 200
    if action == "create":
        before = PracticePage.objects.filter(organisation=org_a).count()
        client.post(
            reverse("practice_submit") + f"?organisation={org_a.pk}",
            {
                "organisation": org_a.pk,
                "title": "New idea",
                "action": "save",
                "links-TOTAL_FORMS": "0",
                "links-INITIAL_FORMS": "0",
            },
        )
        return PracticePage.objects.filter(organisation=org_a).count() == before + 1
    if action == "edit":
        client.post(
            reverse("practice_edit", args=[draft.pk]),
            {
                "title": "Homework club (edited)",
                "action": "save",
                "links-TOTAL_FORMS": "0",
                "links-INITIAL_FORMS": "0",
            },
        )
        draft.refresh_from_db()
        return draft.get_latest_revision_as_object().title == "Homework club (edited)"
    if action == "submit":
        client.post(reverse("practice_edit", args=[draft.pk]), complete_practice_data())
        draft.refresh_from_db()
        return draft.workflow_in_progress
    if action == "approve":
        state = submit_for_review(draft, world["users"]["member_a"])
        url = reverse(
            "wagtailadmin_pages:workflow_action",
            args=[draft.pk, "approve", state.current_task_state.pk],
        )
        client.post(url, {"comment": ""})
        draft.refresh_from_db()
        return draft.live
    if action == "unpublish":
        client.post(reverse("wagtailadmin_pages:unpublish", args=[live.pk]))
        live.refresh_from_db()
        return not live.live
    if action == "delete":
        client.post(reverse("practice_delete", args=[draft.pk]))
        return not Page.objects.filter(pk=draft.pk).exists()
    if action == "see_members":
        page = client.get(org_a.get_absolute_url()).content.decode()
        return (
            'id="org-people"' in page
            and "ann@norrvik.example.org" not in page.split("People")[0]
            and "Ann" in page
        )
    if action == "contact":
        mail.outbox.clear()
        client.post(
            reverse("practice_contact", args=[live.pk]),
            {"subject": "Question", "message": "How did you recruit volunteers?"},
        )
        return len(mail.outbox) > 0
    raise AssertionError(action)


@pytest.mark.parametrize("action", list(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, world, role, action):
    expected = role in MATRIX[action]
    assert act(client, world, role, action) is expected, f"{role} / {action}"


@pytest.mark.parametrize("role", ["member_a", "manager_a", "member_b"])
def test_members_never_reach_the_wagtail_admin(client, world, role):
    client.force_login(world["users"][role])
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/" not in response["Location"] or "login" in response["Location"]


def test_members_cannot_edit_during_review(client, world):
    draft, member = world["draft"], world["users"]["member_a"]
    submit_for_review(draft, member)
    client.force_login(member)
    response = client.get(reverse("practice_edit", args=[draft.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("my_submissions")
