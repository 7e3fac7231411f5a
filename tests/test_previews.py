"""Every page type can be previewed: by its organisation's members (their drafts) and by
editors in the admin ("view draft")."""

from django.urls import reverse

import pytest

from portal.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user("admin@example.org", superuser=True))
    return client


@pytest.fixture
def member(make_user, organisation, join):
    user = make_user("ann@norrvik.example.org")
    join(user, organisation)
    return user


@pytest.fixture
def pages(home, library, events_page, make_practice, make_event, organisation):
    """A draft of every page type; the event's draft names a related practice."""
    shown = make_practice(title="Homework club", organisation=organisation)
    practice = make_practice(title="Language café", organisation=organisation, live=False)
    event = make_event(title="Open day", organisation=organisation, live=False)
    event.related_practices = [shown]
    about = home.add_child(instance=StandardPage(title="About Integra", slug="about"))
    drafts = {
        "home": home,
        "library": library,
        "event listing": events_page,
        "standard page": about,
        "practice": practice,
        "event": event,
    }
    for page in drafts.values():
        page.save_revision()
    return drafts


def test_members_preview_their_practice_and_event_drafts(client, member, pages):
    client.force_login(member)
    for name, route in (("practice", "practice_preview"), ("event", "event_preview")):
        response = client.get(reverse(route, args=[pages[name].pk]))
        assert response.status_code == 200, name
        assert pages[name].title in response.content.decode(), name
    preview = client.get(reverse("event_preview", args=[pages["event"].pk]))
    assert "Homework club" in preview.content.decode()  # the draft's related practice


@pytest.mark.parametrize(
    "name", ["home", "library", "event listing", "standard page", "practice", "event"]
)
def test_editors_view_the_draft_of_every_page_type(admin_client, pages, name):
    page = pages[name]
    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert response.status_code == 200, name
    assert page.title in response.content.decode()
