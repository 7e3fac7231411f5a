"""Organisations and the taxonomy in the API."""

import pytest

from portal.models import OrganisationStatus

pytestmark = pytest.mark.django_db


def test_organisations_are_the_directorys(api, client, make_organisation, organisation):
    make_organisation(name="Willkommen e.V.", slug="willkommen", country="de", orgtype="ngo")
    make_organisation(name="Proposed Org", slug="proposed", status=OrganisationStatus.PROPOSED)
    answer = api("/api/v1/organisations")
    names = [item["name"] for item in answer["results"]]
    directory = client.get("/en/organisations/")
    assert names == [org.name for org in directory.context["organisations"]]
    assert "Proposed Org" not in names and answer["count"] == 2
    german = api("/api/v1/organisations", {"country": "de"})
    assert [item["slug"] for item in german["results"]] == ["willkommen"]
    assert german["results"][0]["type"] == {
        "code": "ngo",
        "label": "NGO or civil society organisation",
    }
    assert api("/api/v1/organisations", {"q": "newcomer"})["count"] == 1
    one = api("/api/v1/organisations/willkommen", {"language": "de"})
    assert one["country"]["label"] == "Deutschland" and one["url"].endswith(
        "/de/organisations/willkommen/"
    )
    api("/api/v1/organisations/proposed", status=404)
    api("/api/v1/organisations", {"country": "zz"}, status=400)


def test_the_taxonomy_has_every_term_in_every_language(api, settings):
    taxonomy = api("/api/v1/taxonomy")
    languages = {code for code, _name in settings.LANGUAGES}
    areas = {term["code"]: term for term in taxonomy["action_areas"]}
    assert set(areas) == {
        "education-and-training",
        "employment-and-skills",
        "health",
        "housing",
        "cross-cutting",
    }
    for name in ("action_areas", "sub_themes", "target_groups", "countries", "languages"):
        for term in taxonomy[name]:
            assert set(term["labels"]) == languages, (name, term["code"])
    assert areas["health"]["labels"]["en"] == "Health"
    countries = {term["code"]: term for term in taxonomy["countries"]}
    assert countries["se"]["labels"]["de"] == "Schweden"
    assert all(theme["action_area"] in areas for theme in taxonomy["sub_themes"])
