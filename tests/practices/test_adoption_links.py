"""Typed links between practices: entered with the adopting practice, shown on both practices,
in the API and the exports, and counted by the library's "adopted elsewhere" filter on both
search engines."""

import json

from django.urls import reverse

import pytest

from practices.models import PracticeAdoption
from search import service
from tests.conftest import complete_practice_data
from tests.search.conftest import engine, engine_url, index_now, use_engine  # noqa: F401
from tests.utils import card_titles, soup

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content)


def link(adopter, original, kind="adapted-from", note=""):
    """Publish `adopter` with a link to `original`, as publishing a submission does."""
    page = adopter.get_latest_revision_as_object()
    page.adapted_from.add(PracticeAdoption(original=original, kind=kind, note=note))
    page.save_revision().publish()


@pytest.fixture
def places(make_practice, make_organisation, django_capture_on_commit_callbacks):
    """Housing First in Nørreby, taken up in Malmö, Leipzig and Brno."""
    norreby = make_organisation("municipality", "dk", name="Nørreby Municipality", slug="nby")
    original = make_practice(
        title="Housing First in Nørreby", organisation=norreby, region_city="Nørreby"
    )
    adopters = [
        make_practice(
            title=f"Housing First in {city}",
            organisation=make_organisation(country=country, name=f"City of {city}", slug=slug),
            region_city=city,
            countries=[country],
        )
        for city, country, slug in [
            ("Malmö", "se", "malmo"),
            ("Leipzig", "de", "leipzig"),
            ("Brno", "cz", "brno"),
        ]
    ]
    other = make_practice(title="Language café", organisation=norreby)
    with django_capture_on_commit_callbacks(execute=True):
        link(adopters[0], original, "adapted-from", "Smaller flats for young people.")
        link(adopters[1], original, "inspired-by", "Run by a housing association.")
        link(adopters[2], original, "scaled-up-from", "Citywide, 200 flats.")
    original.refresh_from_db()
    return {"original": original, "adopters": adopters, "other": other}


def test_the_original_shows_where_it_was_adopted_with_the_notes(client, places):
    page = soup(client.get(places["original"].url))
    box = page.find(id="s-adoption").parent
    text = " ".join(box.get_text(" ").split())
    assert "Adopted in 3 places: Brno, Leipzig, Malmö" in text
    assert "Smaller flats for young people." in text
    assert "Citywide, 200 flats." in text
    assert {a["href"] for a in box.find_all("a")} >= {p.url for p in places["adopters"]}


def test_the_adopter_shows_what_it_took_up(client, places):
    malmo = places["adopters"][0]
    text = " ".join(soup(client.get(malmo.url)).find(id="s-adoption").parent.get_text(" ").split())
    assert "Adapted from Housing First in Nørreby" in text
    assert "What we changed: Smaller flats for young people." in text


def test_an_unpublished_adopter_no_longer_counts(
    client, places, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        places["adopters"][2].unpublish()
    text = soup(client.get(places["original"].url)).find(id="s-adoption").parent.get_text(" ")
    assert "Adopted in 2 places: Leipzig, Malmö" in " ".join(text.split())
    assert "Brno" not in text


def test_the_api_gives_both_directions(client, places):
    original = client.get(f"/api/v1/practices/{places['original'].translation_key}").json()
    assert [(x["place"], x["kind"]["code"]) for x in original["adopted_in"]] == [
        ("Brno", "scaled-up-from"),
        ("Leipzig", "inspired-by"),
        ("Malmö", "adapted-from"),
    ]
    assert original["adapted_from"] == []
    malmo = client.get(f"/api/v1/practices/{places['adopters'][0].translation_key}").json()
    assert malmo["adapted_from"][0]["id"] == str(places["original"].translation_key)
    assert malmo["adapted_from"][0]["note"] == "Smaller flats for young people."
    assert malmo["adapted_from"][0]["url"].endswith(places["original"].url)


def test_the_exports_hold_the_links(client, places):
    records = json.loads(body(client.get("/en/practices/?export=json")))["practices"]
    by_title = {record["title"]: record for record in records}
    original = by_title["Housing First in Nørreby"]
    assert len(original["adopted_in"]) == 3
    assert original["adopted_in"][0].startswith("scaled-up-from http")
    assert by_title["Housing First in Malmö"]["adapted_from"] == [
        f"adapted-from {places['original'].full_url}"
    ]
    csv_text = body(client.get("/en/practices/?export=csv")).decode("utf-8-sig")
    assert "adapted_from" in csv_text.splitlines()[0]


def test_the_library_filters_and_counts_adopted_practices(client, places):
    response = client.get("/en/practices/?adoption=adopted")
    assert card_titles(response) == ["Housing First in Nørreby"]
    listing = client.get("/api/v1/practices?adoption=adopted").json()
    assert [r["title"] for r in listing["results"]] == ["Housing First in Nørreby"]
    everything = client.get("/en/practices/")
    assert "Adopted elsewhere" in everything.content.decode()


def test_the_search_facet_on_both_engines(places, engine):  # noqa: F811
    index_now()
    outcome = service.search("", {})
    counts = {facet.param: {o.value: o.count for o in facet.options} for facet in outcome.facets}
    assert counts["adoption"] == {"adopted": 1}
    narrowed = service.search("", {"adoption": ["adopted"]})
    assert narrowed.total == 1


def test_a_member_names_the_original_in_the_submission_form(client, places, make_user, join):
    member = make_user("member@example.org")
    organisation = places["adopters"][0].organisation
    join(member, organisation)
    client.force_login(member)
    url = reverse("practice_submit") + f"?organisation={organisation.pk}"
    wrong = client.post(
        url,
        complete_practice_data(**{"adapted_from-0-original": "https://example.org/nothing/"}),
    )
    assert "No published practice has this address" in wrong.content.decode()
    data = complete_practice_data(
        action="save",
        **{
            "adapted_from-0-original": places["original"].full_url,
            "adapted_from-0-kind": "inspired-by",
            "adapted_from-0-note": "Only for families.",
        },
    )
    response = client.post(url, data)
    assert response.status_code == 302
    edit = soup(client.get(response["Location"]))
    field = edit.find("input", {"name": "adapted_from-0-original"})
    assert field["value"] == places["original"].full_url
    assert "Only for families." in edit.find("textarea", {"name": "adapted_from-0-note"}).text
