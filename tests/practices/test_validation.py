"""Editors get clear messages when a practice is incomplete or inconsistent (Wagtail admin)."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from portal.factories import term
from portal.models import ActionArea, Country, SubTheme
from practices.models import PracticePage
from tests.utils import text

pytestmark = pytest.mark.django_db


def practice_form(organisation, **overrides):
    data = {
        "title": "Language café",
        "slug": "language-cafe",
        "summary": "Newcomers practise Swedish with volunteers every week.",
        "organisation": organisation.pk,
        "countries": [Country.objects.get(code="se").pk],
        "implementation_level": "local",
        "start_date": "2020-01-01",
        "end_date": "",
        "continuation": "ongoing",
        "budget_currency": "EUR",
        "challenge": rich_text(""),
        "approach": rich_text("<p>Weekly sessions.</p>"),
        "results": rich_text(""),
        "difficulties": rich_text(""),
        "resources": rich_text(""),
        "transferability": rich_text(""),
        "evidence_level": "none",
        "migrant_participation": "neither",
        "last_confirmed": "2026-01-01",
        "action_areas": [term(ActionArea, "education-and-training").pk],
        "sub_themes": [],
    }
    data.update(overrides)
    data.update(
        nested_form_data(
            {
                "gallery_images": inline_formset([]),
                "attachments": inline_formset([]),
                "links": inline_formset([]),
                "adapted_from": inline_formset([]),
            }
        )
    )
    return data


def add_practice(client, library, data):
    return client.post(f"/admin/pages/add/practices/practicepage/{library.pk}/", data)


def test_valid_practice_is_saved(editor_client, library, organisation):
    response = add_practice(editor_client, library, practice_form(organisation))
    assert response.status_code == 302
    assert PracticePage.objects.filter(slug="language-cafe").exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"end_date": "2019-01-01", "continuation": "finished"},
            "The end date cannot be before the start date.",
        ),
        ({"continuation": "finished"}, "A finished practice needs an end date."),
        ({"end_date": "2021-01-01", "continuation": "ongoing"}, "The end date is in the past"),
        ({"action_areas": []}, "Choose at least one action area."),
        ({"countries": []}, "Choose at least one country."),
        ({"summary": "x" * 601}, "The summary is too long"),
        ({"budget_amount": "-5"}, "greater than or equal to 0"),
    ],
)
def test_invalid_practice_explains_what_to_fix(
    editor_client, library, organisation, overrides, message
):
    response = add_practice(editor_client, library, practice_form(organisation, **overrides))
    assert response.status_code == 200
    assert message in text(response)
    assert not PracticePage.objects.filter(slug="language-cafe").exists()


def test_sub_theme_must_belong_to_a_chosen_action_area(editor_client, library, organisation):
    housing_theme = term(SubTheme, "homelessness")
    response = add_practice(
        editor_client,
        library,
        practice_form(organisation, sub_themes=[housing_theme.pk]),
    )
    assert response.status_code == 200
    assert "belong to an action area you have not chosen: Preventing homelessness" in text(response)


def test_summary_message_counts_characters(editor_client, library, organisation):
    response = add_practice(editor_client, library, practice_form(organisation, summary="y" * 650))
    assert "at most 600 characters (it has 650)" in text(response)
