"""Limits on what members send: each gets a clear message on the form, with what they typed
kept and nothing saved, never an error page."""

from django.urls import reverse

import pytest

from agenda.models import EventPage
from practices.models import PracticePage
from tests.conftest import complete_practice_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def member_client(client, team, library, events_page):
    client.force_login(team["member"])
    return client


def post_practice(client, **overrides):
    return client.post(reverse("practice_submit"), complete_practice_data(**overrides))


def test_three_megabytes_of_text_get_the_form_back_with_the_text(member_client):
    text = "<p>" + "Long report. " * 240_000 + "END-OF-TEXT</p>"  # about 3 MB
    response = post_practice(member_client, approach=text)
    assert response.status_code == 200
    body = response.content.decode()
    assert "at most 50000 characters" in body
    assert "END-OF-TEXT" in body
    assert not PracticePage.objects.filter(title="Homework club in the library").exists()


def test_a_body_over_the_request_limit_is_explained(member_client):
    response = post_practice(member_client, approach="x" * (11 * 1024 * 1024))
    assert response.status_code == 302
    page = member_client.get(response["Location"])
    assert "too long to be received" in page.content.decode()


def test_pasted_images_are_refused_with_a_message(member_client):
    image = '<p>Our flyer: <img src="data:image/png;base64,iVBORw0KGgo="></p>'
    response = post_practice(member_client, approach=image)
    assert response.status_code == 200
    assert "Images cannot be pasted into the text" in response.content.decode()
    assert not PracticePage.objects.filter(title="Homework club in the library").exists()


def test_the_links_formset_saves_at_most_ten(member_client):
    links = {"links-TOTAL_FORMS": "600", "links-MAX_NUM_FORMS": "10"}
    for n in range(600):
        links[f"links-{n}-url"] = f"https://example.org/{n}"
        links[f"links-{n}-title"] = f"Link {n}"
    response = post_practice(member_client, **links)
    assert response.status_code == 200
    assert "You can add up to 10 links" in response.content.decode()
    assert not PracticePage.objects.filter(title="Homework club in the library").exists()


@pytest.mark.parametrize("action", ["submit", "save"])
def test_a_summary_over_600_characters_is_answered_on_the_form(member_client, action):
    summary = "Volunteers help. " * 40 + "LAST-WORDS"
    response = post_practice(member_client, summary=summary, action=action)
    assert response.status_code == 200
    body = response.content.decode()
    assert "The summary is too long" in body
    assert "LAST-WORDS" in body


def test_people_reached_beyond_any_count_is_refused(member_client):
    response = post_practice(member_client, people_reached=str(10**20))
    assert response.status_code == 200
    assert "less than or equal to 1000000000" in response.content.decode()


def test_an_all_day_event_on_the_last_representable_day_is_refused(member_client):
    data = {
        "title": "End of time",
        "summary": "A very late event.",
        "kind": "study-visit",
        "status": "scheduled",
        "start_date": "9999-12-31",
        "end_date": "9999-12-31",
        "all_day": "on",
        "timezone": "Europe/Stockholm",
        "event_format": "online",
        "online_url": "https://example.org/join",
        "action": "submit",
    }
    response = member_client.post(reverse("event_submit"), data)
    assert response.status_code == 200
    assert "Give a date between the years 1900 and 2200." in response.content.decode()
    assert not EventPage.objects.filter(title="End of time").exists()
