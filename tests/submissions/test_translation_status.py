"""Editors see, per original page of each registered type, which translations are missing."""

from django.urls import reverse

import pytest

from tests.utils import soup

pytestmark = pytest.mark.django_db


def test_translation_status_offers_every_registered_type(editor_client, make_practice, make_event):
    make_practice(title="Language café")
    make_event(title="Open day")

    practices = soup(editor_client.get(reverse("translation_status")))
    tabs = {
        a.get_text(): a.get("aria-current") for a in practices.select("main p a[href^='?kind=']")
    }
    assert tabs == {"Practices": "page", "Events": None}
    titles = [row.select_one("td a").get_text() for row in practices.select("tbody tr")]
    assert titles == ["Language café"]

    events = soup(editor_client.get(reverse("translation_status") + "?kind=events"))
    titles = [row.select_one("td a").get_text() for row in events.select("tbody tr")]
    assert titles == ["Open day"]


def test_translation_status_is_for_editors_only(client, make_user):
    client.force_login(make_user("ann@norrvik.example.org"))
    assert client.get(reverse("translation_status")).status_code in (302, 403)
