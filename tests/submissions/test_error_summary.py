"""A refused submission lists its errors at the top of the form, each linking to its field
(the GOV.UK error-summary pattern), and the page title says there is an error."""

from django.urls import reverse

import pytest

from tests.conftest import complete_practice_data
from tests.utils import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def member_client(client, team):
    client.force_login(team["member"])
    return client


def summary_links(page):
    return {a.get_text(" ", strip=True): a["href"] for a in page.select(".error-summary li a")}


def test_an_incomplete_practice_lists_each_missing_field_with_a_link(member_client, library):
    response = member_client.post(
        reverse("practice_submit"),
        complete_practice_data(title="", countries=[], approach="", licence_consent=""),
    )

    page = soup(response)
    assert page.title.get_text().startswith("Error: Submit a practice")
    summary = page.select_one(".error-summary")
    # Focus moves to the summary when the page opens.
    assert summary["tabindex"] == "-1" and summary.has_attr("autofocus")
    assert summary.select_one("h2").get_text(strip=True) == "There is a problem"
    assert summary.find_next("form", class_="form")  # above the form
    links = summary_links(page)
    assert links == {
        "Title: This field is required.": "#id_title",
        "Countries: Choose at least one country.": "#id_countries_0",
        "Approach and activities: This field is required.": "#id_approach",
        "I agree that this practice is published under this licence: To submit the practice "
        "for review, agree to publish it under the licence.": "#id_licence_consent",
    }
    # Every link leads to an element of the form: an input, the first checkbox of a group,
    # the rich-text field's textarea (its editor, once scripts run).
    for href in links.values():
        target = page.select_one(href)
        assert target is not None and target.name in {"input", "textarea", "select"}, href
    assert page.select_one("#id_countries_0")["type"] == "checkbox"
    # The messages above the form do not repeat it.
    assert not page.select(".messages .message--error")


def test_the_summary_follows_the_order_of_the_form(member_client, library):
    response = member_client.post(
        reverse("practice_submit"), complete_practice_data(title="", approach="")
    )
    hrefs = list(summary_links(soup(response)).values())
    assert hrefs == ["#id_title", "#id_approach"]


def test_errors_in_the_rows_of_links_name_the_row(member_client, library):
    data = complete_practice_data(**{"links-1-url": "https://example.org/report"})
    response = member_client.post(reverse("practice_submit"), data)
    assert summary_links(soup(response)) == {
        "Link text, row 2: Give the link a short title.": "#id_links-1-title"
    }


def test_a_draft_with_errors_gets_the_summary_too(member_client, library):
    response = member_client.post(
        reverse("practice_submit"),
        {"title": "", "action": "save", "links-TOTAL_FORMS": "0", "links-INITIAL_FORMS": "0"},
    )
    page = soup(response)
    assert page.title.get_text().startswith("Error: ")
    assert summary_links(page) == {"Title: This field is required.": "#id_title"}
    assert "Your changes have not been saved yet" in page.select_one(".error-summary").get_text()


def test_the_event_form_has_the_same_summary(member_client, events_page):
    response = member_client.post(reverse("event_submit"), {"title": "", "action": "submit"})
    page = soup(response)
    assert page.title.get_text().startswith("Error: Announce an event")
    links = summary_links(page)
    assert links["Title: This field is required."] == "#id_title"
    for href in links.values():
        assert page.select_one(href) is not None, href


def test_a_valid_form_has_no_summary_and_a_plain_title(member_client, library):
    page = soup(member_client.get(reverse("practice_submit")))
    assert not page.select(".error-summary")
    assert page.title.get_text().startswith("Submit a practice")
