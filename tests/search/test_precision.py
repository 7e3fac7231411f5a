"""More words narrow, quoted phrases match as phrases, snippets keep words and paragraphs
whole: on both engines (the database engine on SQLite FTS5 and on PostgreSQL)."""

import re

from wagtail.search.index import insert_or_update_object

import pytest

from practices.models import PracticePage
from search import service
from tests.search.conftest import index_now

pytestmark = pytest.mark.django_db

LONG_BODY = (
    "<p>Every autumn the municipality invites newcomers, teachers, interpreters, parents and "
    "neighbours to plan together how the schools of the district welcome children who arrive "
    "during the year; the plan names who answers questions, who visits families at home, and "
    "which school mediators accompany the first weeks of every child.</p>"
    "<p>Afterwards they report what worked.</p>"
)


@pytest.fixture
def corpus(make_practice):
    make_practice(
        title="Housing First for young refugees",
        summary="Young refugees get their own flat first, then support.",
    )
    make_practice(title="Housing advice desk", summary="Advice on tenancy for refugees.")
    make_practice(title="Housing cooperative", summary="Tenants own their building together.")
    make_practice(title="Mental Health First Aid", summary="Courses for volunteers.")
    make_practice(title="School mediators for Roma families", summary="Mediators visit homes.")
    make_practice(
        title="Conflicts at school",
        summary="The school hires trained mediators when pupils fall out.",
    )
    make_practice(
        title="Welcome plan for newcomers",
        summary="A district plan.",
        approach=LONG_BODY,
    )
    make_practice(
        title="Jobbspår",
        summary="Ett spår till jobb.",
        approach="<p>Nyanlända möter lokala arbetsgivare.</p><p>Kommunens mentorer följer upp.</p>",
        language="sv",
    )
    index_now()


def found(text):
    return [page.title for page in service.search(text, per_page=50).practices]


def test_more_words_narrow(engine, corpus):
    housing = found("housing")
    assert sorted(housing) == [
        "Housing First for young refugees",
        "Housing advice desk",
        "Housing cooperative",
    ]
    housing_first = found("housing first")
    assert set(housing_first) <= set(housing)
    assert housing_first == ["Housing First for young refugees"]
    assert "Mental Health First Aid" in found("first")


def test_beyond_two_words_most_must_match_ranked_by_how_many(engine, corpus):
    # Three words: two must match. All three first, then two of three; one is not enough.
    assert found("housing refugees first") == [
        "Housing First for young refugees",
        "Housing advice desk",
    ]


def test_a_quoted_phrase_matches_as_a_phrase(engine, corpus):
    assert sorted(found("school mediators")) == [
        "Conflicts at school",
        "School mediators for Roma families",
        "Welcome plan for newcomers",
    ]
    assert sorted(found('"school mediators"')) == [
        "School mediators for Roma families",
        "Welcome plan for newcomers",
    ]
    assert found('"school mediators" roma') == ["School mediators for Roma families"]
    assert found('"mediators school"') == []


def plain(snippet):
    return re.sub(r"</?mark>", "", snippet).strip("…").strip()


def test_snippets_start_and_end_on_word_boundaries(engine, corpus):
    outcome = service.search("mediators")
    snippet = next(p.snippet for p in outcome.practices if p.title == "Welcome plan for newcomers")
    assert "<mark>mediators</mark>" in snippet.lower()
    source = set(re.findall(r"\w+", re.sub("<[^>]+>", " ", LONG_BODY)))
    shown = re.findall(r"\w+", plain(snippet))
    assert len(shown) > 10
    assert set(shown) <= source, set(shown) - source  # no word cut in two


def test_snippets_keep_a_space_between_paragraphs(engine, corpus):
    outcome = service.search("arbetsgivare", language="sv")
    assert [p.title for p in outcome.practices] == ["Jobbspår"]
    snippet = outcome.practices[0].snippet
    assert "arbetsgivare</mark>. Kommunens" in snippet, snippet


def test_a_word_finds_what_the_worker_indexed_since_it_was_last_searched(corpus):
    """The database engine keeps what a word matches until the full-text rows change: a page
    indexed since (the worker indexes after publication) is found at once."""
    assert found("tenancy") == ["Housing advice desk"]
    cooperative = PracticePage.objects.get(title="Housing cooperative")
    # As the worker does it: the page's row in the index changes, nothing else.
    PracticePage.objects.filter(pk=cooperative.pk).update(summary="Tenancy rights, shared.")
    insert_or_update_object(PracticePage.objects.get(pk=cooperative.pk))
    assert sorted(found("tenancy")) == ["Housing advice desk", "Housing cooperative"]
