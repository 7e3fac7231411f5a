"""One contract, two engines: every test runs on the database engine and on OpenSearch."""

from wagtail.models import PageViewRestriction

import pytest

from search import service
from tests.search.conftest import index_now

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(make_practice, make_organisation):
    city = make_organisation("municipality", "se", name="City of Norrvik", slug="norrvik")
    ngo = make_organisation("ngo", "de", name="Neighbours e.V.", slug="neighbours")
    pages = {
        "cafe": make_practice(
            title="Language café in the library",
            summary="Newcomers practise the local language with volunteers every week.",
            approach="<p>Volunteers lead conversation groups for refugees.</p>",
            organisation=ngo,
            countries=["se"],
            action_areas=["education-and-training"],
            sub_themes=["language-learning"],
            target_groups=["refugees"],
            funding_instruments=["amif"],
            start_date="2019-03-01",
            evidence_level="external",
            implementation_level="local",
        ),
        "housing": make_practice(
            title="Housing First for young refugees",
            summary="Young refugees leaving care get their own flat first, then support.",
            approach="<p>The housing first model gives a permanent tenancy with no conditions.</p>",
            organisation=city,
            countries=["de"],
            action_areas=["housing"],
            sub_themes=["homelessness"],
            target_groups=["refugees", "children-and-youth"],
            funding_instruments=["erdf"],
            start_date="2020-05-01",
            evidence_level="internal",
            implementation_level="regional",
        ),
        "swedish": make_practice(
            title="Språkkurs för nyanlända föräldrar",
            summary="Nyanlända föräldrar lär sig svenska medan barnen är i förskolan.",
            approach="<p>Kommunen erbjuder språkkurser på dagtid med barnpassning.</p>",
            language="sv",
            organisation=city,
            countries=["se"],
            action_areas=["education-and-training"],
            sub_themes=["language-learning"],
            target_groups=["women"],
            start_date="2021-08-15",
            implementation_level="local",
        ),
        "mentoring": make_practice(
            title="Mentoring women into work",
            summary="Employers mentor migrant women looking for their first job.",
            approach="<p>Each mentor meets a mentee every two weeks for a year.</p>",
            organisation=ngo,
            countries=["nl"],
            action_areas=["employment-and-skills"],
            sub_themes=["employment-of-women"],
            target_groups=["women"],
            funding_instruments=["esf-plus"],
            start_date="2018-01-01",
            continuation="finished",
            end_date="2020-12-31",
            implementation_level="national",
        ),
        "german": make_practice(
            title="Gesundheitslotsen für Geflüchtete",
            summary="Geschulte Lotsen begleiten Geflüchtete zu Arztterminen.",
            approach="<p>Lotsen sprechen Arabisch, Dari und Ukrainisch.</p>",
            language="de",
            organisation=ngo,
            countries=["de"],
            action_areas=["health"],
            sub_themes=["health-mediation"],
            target_groups=["refugees"],
            start_date="2022-02-01",
        ),
        "french": make_practice(
            title="Logement partagé avec des étudiants",
            summary="Des jeunes réfugiés partagent un appartement avec des étudiants.",
            approach="<p>Une association loue des appartements et organise la colocation.</p>",
            language="fr",
            organisation=city,
            countries=["fr"],
            action_areas=["housing"],
            sub_themes=["access-to-housing"],
            target_groups=["refugees"],
            start_date="2020-09-01",
        ),
    }
    pages["draft"] = make_practice(
        title="Secret housing pilot",
        summary="Housing for nobody yet.",
        organisation=city,
        action_areas=["housing"],
        live=False,
    )
    private = make_practice(
        title="Members-only housing guide",
        summary="Housing guide for members.",
        organisation=city,
        action_areas=["housing"],
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    index_now()
    return pages


def titles(outcome):
    return [practice.title for practice in outcome.practices]


def test_relevance_basics(engine, corpus):
    outcome = service.search("housing first")
    assert outcome.engine == engine
    assert not outcome.degraded
    assert titles(outcome)[0] == "Housing First for young refugees"


def test_a_swedish_query_finds_the_swedish_practice(engine, corpus):
    assert (
        titles(service.search("språkkurs för nyanlända"))[0] == "Språkkurs för nyanlända föräldrar"
    )


def test_only_practices_matching_the_text_are_counted(engine, corpus):
    assert service.search("xylophone").total == 0
    outcome = service.search("Gesundheitslotsen")
    assert (outcome.total, titles(outcome)) == (1, ["Gesundheitslotsen für Geflüchtete"])


def test_german_and_french_practices_are_found_in_their_language(engine, corpus):
    assert "Gesundheitslotsen für Geflüchtete" in titles(service.search("Gesundheitslotsen"))
    assert "Logement partagé avec des étudiants" in titles(service.search("étudiants"))


def test_every_facet_counts_under_the_other_filters(engine, corpus):
    outcome = service.search("", {"country": ["se"]})
    counts = {facet.param: {o.value: o.count for o in facet.options} for facet in outcome.facets}
    assert outcome.total == 2
    assert counts["country"] == {"se": 2, "de": 2, "nl": 1, "fr": 1}
    assert counts["area"] == {"education-and-training": 2}
    assert counts["theme"] == {"language-learning": 2}
    assert counts["orgtype"] == {"ngo": 1, "municipality": 1}
    assert counts["target"] == {"refugees": 1, "women": 1}
    assert counts["funding"] == {"amif": 1}
    assert counts["level"] == {"local": 2}
    assert counts["evidence"] == {"external": 1, "none": 1}
    assert counts["participation"] == {"neither": 2}
    assert counts["status"] == {"ongoing": 2}
    assert counts["year"] == {"2019": 1, "2021": 1}


def test_combined_filters_and_text(engine, corpus):
    outcome = service.search("refugees", {"area": ["housing", "health"], "country": ["de"]})
    assert sorted(titles(outcome)) == [
        "Gesundheitslotsen für Geflüchtete",
        "Housing First for young refugees",
    ]
    outcome = service.search(
        "", {"area": ["housing"], "orgtype": ["municipality"], "year": ["2020"]}
    )
    assert sorted(titles(outcome)) == [
        "Housing First for young refugees",
        "Logement partagé avec des étudiants",
    ]


def test_highlighted_snippets(engine, corpus):
    outcome = service.search("volunteers")
    snippet = next(
        p.snippet for p in outcome.practices if p.title == "Language café in the library"
    )
    assert "<mark>volunteers</mark>" in snippet.lower()


def test_highlights_are_escaped(engine, make_practice):
    make_practice(
        title="Escaping test", summary="Tags like <script>alert(1)</script> and the word mentor."
    )
    index_now()
    snippet = service.search("mentor").practices[0].snippet
    assert "<script>" not in snippet and "&lt;script&gt;" in snippet


def test_suggestions_while_typing(engine, corpus):
    suggestions = service.suggest("Hous")
    assert {
        "title": "Housing First for young refugees",
        "url": corpus["housing"].url,
    } in suggestions
    assert all("Secret" not in s["title"] and "Members-only" not in s["title"] for s in suggestions)


def test_related_practices(engine, corpus):
    related = [page.title for page in service.related(corpus["housing"])]
    assert "Logement partagé avec des étudiants" in related
    assert "Housing First for young refugees" not in related


def test_unpublished_and_restricted_pages_are_never_found(engine, corpus):
    for text in ["secret", "members-only", "housing", "guide"]:
        found = titles(service.search(text))
        assert "Secret housing pilot" not in found
        assert "Members-only housing guide" not in found
    assert service.search("", {"area": ["housing"]}).total == 2


def test_pagination(engine, make_practice):
    for number in range(12):
        make_practice(title=f"Welcome desk {number:02d}", summary="A welcome desk for newcomers.")
    index_now()
    first = service.search("welcome desk", sort="title", per_page=5)
    assert first.total == 12
    assert titles(first) == [f"Welcome desk {n:02d}" for n in range(5)]
    third = service.search("welcome desk", sort="title", page=3, per_page=5)
    assert titles(third) == ["Welcome desk 10", "Welcome desk 11"]
    beyond = service.search("welcome desk", sort="title", page=9, per_page=5)
    assert titles(beyond) == titles(third)


def test_typo_tolerance_on_the_cluster(use_engine, corpus):
    assert "Housing First for young refugees" in titles(service.search("huosing frist"))
    assert "Mentoring women into work" in titles(service.search("mentorng"))


def test_words_are_stemmed_in_the_readers_language_on_the_cluster(use_engine, corpus):
    # "barnpassningen" appears nowhere; Swedish stemming finds "barnpassning" in the body.
    assert titles(service.search("barnpassningen", language="sv")) == [
        "Språkkurs för nyanlända föräldrar"
    ]


def test_spelling_suggestion_on_the_database(settings, corpus):
    settings.SEARCH_URL = ""
    outcome = service.search("mentorng")
    assert outcome.total == 0
    assert outcome.spelling == "mentoring"
