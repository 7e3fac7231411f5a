""" "Still current": members of the owning organisation confirm an old practice from its page;
readers (also from the page cache) see the new date, editors see who confirmed and when."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from tests.utils import soup, text

pytestmark = pytest.mark.django_db

OLD = datetime.date(2021, 3, 4)


@pytest.fixture
def practice(make_practice, make_organisation):
    owner = make_organisation(name="Welcome House", slug="welcome-house")
    return make_practice(title="Language café", organisation=owner, last_confirmed=OLD)


@pytest.fixture
def member(make_user, join, practice):
    user = make_user("ana@welcome.example")
    join(user, practice.organisation)
    return user


def confirm_button(response):
    return soup(response).find("button", string="Confirm it is still current")


def test_a_member_sees_the_out_of_date_notice_with_a_way_out(client, practice, member):
    client.force_login(member)
    response = client.get(practice.url)
    assert "This page may be out of date: its owner last confirmed it on 4 March 2021" in text(
        response
    )
    assert confirm_button(response) is not None
    assert soup(response).find("a", string="Update it")["href"] == practice.get_edit_url()


def test_readers_and_other_members_get_no_button(client, practice, make_user, make_organisation):
    assert confirm_button(client.get(practice.url)) is None
    stranger = make_user("sam@elsewhere.example")
    client.force_login(stranger)
    assert confirm_button(client.get(practice.url)) is None
    response = client.post(reverse("practice_confirm", args=[practice.pk]))
    assert response.status_code == 403
    practice.refresh_from_db()
    assert practice.last_confirmed == OLD


def test_confirming_sets_the_date_without_publishing_and_readers_see_it(
    client, practice, member, settings
):
    settings.PAGE_CACHE_SECONDS = 300
    assert "may be out of date" in text(client.get(practice.url))
    assert client.get(practice.url)["X-Page-Cache"] == "hit"
    revisions = practice.revisions.count()

    member_client = type(client)()
    member_client.force_login(member)
    response = member_client.post(reverse("practice_confirm", args=[practice.pk]), follow=True)
    today = timezone.localdate()
    assert f"the practice is marked as confirmed on {today.day} " in text(response)
    assert "may be out of date" not in text(response)

    reader = client.get(practice.url)
    assert "may be out of date" not in text(reader)
    assert reader["X-Page-Cache"] == "miss"
    practice.refresh_from_db()
    assert (practice.last_confirmed, practice.last_confirmed_by) == (today, member)
    assert practice.revisions.count() == revisions
    # An editor's next publication keeps the confirmation.
    practice.get_latest_revision_as_object().save_revision().publish()
    practice.refresh_from_db()
    assert (practice.last_confirmed, practice.last_confirmed_by) == (today, member)


def test_editors_see_who_confirmed_and_when(client, practice, member, editor_client):
    member_client = type(client)()
    member_client.force_login(member)
    member_client.post(reverse("practice_confirm", args=[practice.pk]))
    edit = text(editor_client.get(reverse("wagtailadmin_pages:edit", args=[practice.pk])))
    assert "Last confirmed by" in edit and "Ana" in edit
    history = text(editor_client.get(reverse("wagtailadmin_pages:history", args=[practice.pk])))
    assert "Confirmed as still current by a member of its organisation" in history
    assert "Ana" in history


def test_a_get_changes_nothing(client, practice, member):
    client.force_login(member)
    assert client.get(reverse("practice_confirm", args=[practice.pk])).status_code == 405
