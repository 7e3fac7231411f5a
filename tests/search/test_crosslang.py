"""Cross-language discovery, on both engines: a query word naming a taxonomy term in any
language also finds the practices tagged with that term, whatever language they are in."""

from django.urls import reverse

import pytest

from portal import locales
from search import service
from tests.search.conftest import index_now

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(make_practice, django_capture_on_commit_callbacks):
    # The taxonomy in the readers' languages, as `sync_locales` makes it.
    with django_capture_on_commit_callbacks(execute=True):
        locales.provision(languages=["sv", "de", "pl"])
    pages = {
        "italian": make_practice(
            title="Casa condivisa per rifugiati",
            summary="Giovani rifugiati vivono con studenti universitari.",
            language="it",
            action_areas=["housing"],
            sub_themes=["access-to-housing"],
        ),
        "english": make_practice(
            title="Tenancy support for newcomers",
            summary="Caseworkers help newcomers keep their first flat.",
            action_areas=["housing"],
            sub_themes=["homelessness", "reception-to-housing"],
        ),
        "swedish": make_practice(
            title="Bostad först i Norrvik",
            summary="Kommunen hyr ut lägenheter till nyanlända familjer.",
            language="sv",
            action_areas=["housing"],
        ),
        "health": make_practice(
            title="Hälsoskola för nyanlända",
            summary="Sjuksköterskor berättar om vården.",
            language="sv",
            action_areas=["health"],
        ),
    }
    index_now()
    return pages


def titles(outcome):
    return sorted(practice.title for practice in outcome.practices)


def test_a_swedish_reader_finds_housing_practices_in_other_languages(engine, corpus):
    outcome = service.search("bostad", language="sv")
    assert titles(outcome) == [
        "Bostad först i Norrvik",
        "Casa condivisa per rifugiati",
        "Tenancy support for newcomers",
    ]
    assert ("area", "housing") in outcome.expanded


def test_german_and_polish_words_for_a_flat_find_housing_practices(engine, corpus):
    assert "Tenancy support for newcomers" in titles(service.search("Wohnung", language="de"))
    found = titles(service.search("mieszkanie", language="pl"))
    assert "Casa condivisa per rifugiati" in found
    assert "Tenancy support for newcomers" in found
    assert "Hälsoskola för nyanlända" not in found


def test_a_term_word_narrows_with_the_other_words(engine, corpus):
    assert titles(service.search("bostad rifugiati", language="sv")) == [
        "Casa condivisa per rifugiati"
    ]


def test_an_unrelated_word_expands_to_nothing(engine, corpus):
    outcome = service.search("cykelverkstad", language="sv")
    assert outcome.total == 0
    assert outcome.expanded == []


def test_only_in_my_language_keeps_the_readers_language(engine, corpus):
    outcome = service.search("bostad", {"text_language": ["sv"]}, language="sv")
    assert titles(outcome) == ["Bostad först i Norrvik"]


def test_the_search_page_says_what_it_added_and_offers_the_switch(engine, corpus, client):
    page = client.get(reverse("search"), {"q": "bostad"}).content.decode()
    assert "Also showing practices about <strong>Housing</strong>" in page
    assert "in other languages" in page
    assert "Casa condivisa per rifugiati" in page
    assert 'card__language"><span class="visually-hidden">Language: </span>Italian' in page
    assert 'name="text_language" value="en"' in page
    assert "Only in my language (English)" in page


def test_the_switch_restricts_the_page_to_the_readers_language(engine, corpus, client):
    url = "/sv" + reverse("search").removeprefix("/en")
    page = client.get(url, {"q": "bostad", "text_language": "sv"}).content.decode()
    assert "Bostad först i Norrvik" in page
    assert "Casa condivisa per rifugiati" not in page
    assert "Also showing practices about" not in page
    assert 'value="sv" checked' in page
