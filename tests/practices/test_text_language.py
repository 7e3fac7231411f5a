"""The library's "Language of the text" filter: the language of the text each reader is shown
(their own where a practice is translated), counted like every other filter, on the library,
the search page (both engines) and in the exports; and the language on each card's title."""

import csv
import io
import json

import pytest

from tests.search.conftest import engine, engine_url, index_now, use_engine  # noqa: F401
from tests.utils import card_titles, facet_counts, soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices(make_practice, translate):
    cafe = make_practice(title="Language café", action_areas=["education-and-training"])
    make_practice(title="Jobbspår", summary="Ett spår till jobb.", language="sv")
    make_practice(title="Kawiarenka językowa", language="pl", action_areas=["housing"])
    german = make_practice(title="Gesundheitslotsen", language="de", action_areas=["health"])
    translate(german, "en", {"Gesundheitslotsen": "Health navigators"})
    return {"cafe": cafe, "german": german}


def options(response, param="text_language"):
    """[(value, label)] of one filter of the filter panel, in the order shown."""
    page = soup(response)
    return [
        (box["value"], page.find("label", attrs={"for": box["id"]}).contents[0].strip())
        for box in page.select(f'.filters input[type=checkbox][name="{param}"]')
    ]


def test_each_reader_counts_the_language_they_will_read(client, practices):
    english = client.get("/en/practices/")
    # The German practice has an English version: English readers read it in English.
    assert facet_counts(english, "text_language") == {"en": 2, "pl": 1, "sv": 1}
    assert facet_counts(client.get("/de/practices/"), "text_language") == {
        "de": 1,
        "en": 1,
        "pl": 1,
        "sv": 1,
    }
    # No practice is in Arabic: Arabic readers get the English version, else the original.
    assert facet_counts(client.get("/ar/practices/"), "text_language") == {
        "en": 2,
        "pl": 1,
        "sv": 1,
    }


def test_my_language_comes_first_then_the_others_alphabetically(client, practices):
    assert options(client.get("/en/practices/")) == [
        ("en", "Available in my language (English)"),
        ("pl", "Polish"),
        ("sv", "Swedish"),
    ]
    # In Swedish: "Engelska" before "Polska", whatever their order in English.
    assert options(client.get("/sv/practices/")) == [
        ("sv", "Finns på mitt språk (svenska)"),
        ("en", "Engelska"),
        ("pl", "Polska"),
    ]


def test_filtering_by_the_language_of_the_text(client, practices):
    mine = client.get("/de/practices/?text_language=de")
    assert card_titles(mine) == ["Gesundheitslotsen"]
    english = client.get("/de/practices/?text_language=en&sort=title")
    assert card_titles(english) == ["Language café"]
    either = client.get("/en/practices/?text_language=pl&text_language=sv&sort=title")
    assert card_titles(either) == ["Jobbspår", "Kawiarenka językowa"]
    # Like every filter, it narrows the others' counts and keeps its own alternatives.
    narrowed = client.get("/en/practices/?text_language=pl")
    assert facet_counts(narrowed, "area") == {"housing": 1}
    assert facet_counts(narrowed, "text_language") == {"en": 2, "pl": 1, "sv": 1}
    chip = soup(narrowed).select_one(".chips a.chip").get_text(" ", strip=True)
    assert "Polish" in chip


def test_card_titles_carry_the_language_of_the_text(client, practices):
    cards = soup(client.get("/en/practices/")).select(".card__title")
    languages = {card.get_text(strip=True): (card["lang"], card["dir"]) for card in cards}
    assert languages == {
        "Language café": ("en", "ltr"),
        "Health navigators": ("en", "ltr"),
        "Jobbspår": ("sv", "ltr"),
        "Kawiarenka językowa": ("pl", "ltr"),
    }


def test_the_search_page_has_the_filter_on_both_engines(client, engine, practices):  # noqa: F811
    index_now()
    response = client.get("/de/search/?text_language=de")
    assert card_titles(response) == ["Gesundheitslotsen"]
    assert facet_counts(response, "text_language") == {"de": 1, "en": 1, "pl": 1, "sv": 1}
    assert options(response)[0] == ("de", "In meiner Sprache verfügbar (Deutsch)")
    assert card_titles(client.get("/de/search/?q=language&text_language=en")) == ["Language café"]
    # German readers read the health navigators in German; English readers in English.
    assert card_titles(client.get("/de/search/?q=navigators&text_language=en")) == []
    assert card_titles(client.get("/en/search/?q=navigators&text_language=en")) == [
        "Health navigators"
    ]


def test_exports_keep_the_filter(client, practices):
    library = client.get("/en/practices/?text_language=en&sort=title&export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(library.streaming_content).decode())))
    assert [(row["title"], row["language"]) for row in rows] == [
        ("Health navigators", "en"),
        ("Language café", "en"),
    ]
    search = client.get("/en/search/?q=jobb&text_language=sv&text_language=pl&export=json")
    records = json.loads(b"".join(search.streaming_content))["practices"]
    assert [(record["title"], record["language"]) for record in records] == [("Jobbspår", "sv")]
