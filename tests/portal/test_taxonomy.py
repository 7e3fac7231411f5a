"""The shared taxonomy is seeded by migrations, with stable codes."""

import pytest

from portal.models import (
    ActionArea,
    Country,
    FundingInstrument,
    OrganisationType,
    SubTheme,
    TargetGroup,
)

pytestmark = pytest.mark.django_db


def codes(model):
    return [term.code for term in model.objects.default_locale()]


def test_action_areas_of_the_action_plan_with_sub_themes():
    assert codes(ActionArea) == [
        "education-and-training",
        "employment-and-skills",
        "health",
        "housing",
        "cross-cutting",
    ]
    for area in ActionArea.objects.all():
        assert area.sub_themes.count() >= 4, area.code
    cross_cutting = set(
        SubTheme.objects.filter(action_area__code="cross-cutting").values_list("code", flat=True)
    )
    assert {
        "participation",
        "anti-discrimination",
        "digital-tools",
        "partnerships",
        "eu-funds",
        "monitoring",
    } <= cross_cutting


def test_countries_list_eu27_first_then_others():
    countries = list(Country.objects.all())
    eu = [country.code for country in countries if country.group == "eu"]
    assert len(eu) == 27
    assert [country.code for country in countries[:27]] == eu
    assert {"no", "is", "ch", "ua", "md", "tr"} <= {country.code for country in countries[27:]}
    assert Country.objects.get(code="se").name == "Sweden"
    assert Country.objects.get(code="cz").name == "Czechia"


def test_country_names_follow_the_reader_language():
    from django.utils import translation

    sweden = Country.objects.get(code="se")
    with translation.override("pl"):
        assert sweden.localized_name == "Szwecja"
    with translation.override("de"):
        assert sweden.localized_name == "Schweden"


def test_organisation_types_target_groups_and_funding():
    assert codes(OrganisationType) == [
        "municipality",
        "regional-authority",
        "national-authority",
        "ngo",
        "migrant-led",
        "social-partner",
        "academia",
        "international-organisation",
    ]
    assert {
        "refugees",
        "asylum-seekers",
        "third-country-nationals",
        "women",
        "children-and-youth",
        "older-people",
        "eu-citizens-migrant-background",
    } <= set(codes(TargetGroup))
    assert {
        "amif",
        "esf-plus",
        "erdf",
        "eu4health",
        "erasmus-plus",
        "national",
        "regional-local",
        "private",
        "other",
    } == set(codes(FundingInstrument))


def test_taxonomy_is_editable_by_editors_in_the_admin(editor_client):
    client = editor_client
    response = client.get("/admin/snippets/portal/actionarea/")
    assert response.status_code == 200
    assert "Employment and skills" in response.content.decode()
    area = ActionArea.objects.get(code="health")
    response = client.post(
        f"/admin/snippets/portal/actionarea/edit/{area.pk}/",
        {"code": "health", "name": "Health and well-being", "sort_order": 3, "description": ""},
    )
    assert response.status_code == 302
    area.refresh_from_db()
    assert area.name == "Health and well-being"


def test_codes_are_validated(editor_client):
    client = editor_client
    response = client.post(
        "/admin/snippets/portal/targetgroup/add/",
        {"code": "Young People!", "name": "Young people", "sort_order": 50},
    )
    assert response.status_code == 200
    assert "Use lower-case letters, digits and hyphens only" in response.content.decode()
