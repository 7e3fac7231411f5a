"""The practices in the API: the library's filters, counts and order, every public field, every
translation with its origin, labels in the requested language."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.documents import get_document_model

import pytest

from portal.demo import artwork
from practices.models import PracticeAttachment, PracticeLink
from tests.search.conftest import engine, engine_url, index_now, use_engine  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices(make_practice, make_organisation):
    municipality = make_organisation(name="City of Norrvik", slug="city-of-norrvik")
    ngo = make_organisation(orgtype="ngo", country="de", name="Willkommen e.V.", slug="willkommen")
    return [
        make_practice(
            title="Homework club",
            organisation=municipality,
            action_areas=["education-and-training"],
            countries=["se"],
            target_groups=["children-and-youth"],
            start_date="2021-03-01",
            continuation="finished",
            end_date=datetime.date(2023, 6, 30),
        ),
        make_practice(
            title="Language café",
            organisation=ngo,
            action_areas=["education-and-training", "employment-and-skills"],
            countries=["de"],
            start_date="2022-09-01",
        ),
        make_practice(
            title="Health mediators",
            organisation=ngo,
            action_areas=["health"],
            countries=["de", "se"],
            start_date="2022-01-15",
            evidence_level="external",
        ),
    ]


def counts(facets):
    return {
        facet["param"]: {option["value"]: option["count"] for option in facet["options"]}
        for facet in facets
    }


def page_counts(facets):
    return {
        facet.param: {str(option.value): option.count for option in facet.options}
        for facet in facets
    }


LIBRARY_QUERIES = [
    "",
    "area=education-and-training",
    "area=education-and-training&area=health",
    "area=education-and-training&country=de",
    "country=se&status=finished",
    "orgtype=ngo&year=2022",
    "evidence=external",
    "sort=title",
    "area=housing",
]


@pytest.mark.parametrize("query", LIBRARY_QUERIES)
def test_filters_and_counts_are_the_librarys(client, api, engine, practices, query):  # noqa: F811
    index_now()
    library = client.get("/en/practices/?" + query)
    answer = api("/api/v1/practices?" + query)
    assert answer["count"] == library.context["paginator"].count
    assert counts(answer["facets"]) == page_counts(library.context["facets"])
    titles = [practice.title for practice in library.context["practices"]]
    assert [item["title"] for item in answer["results"]] == titles


@pytest.mark.parametrize(
    ("language", "query"),
    [
        ("en", "text_language=en"),
        ("en", "text_language=sv&text_language=de"),
        ("sv", "text_language=sv"),
        ("sv", "text_language=en&area=education-and-training"),
        ("de", ""),
    ],
)
def test_the_language_of_the_text_is_the_librarys(
    client, api, make_practice, translate, practices, language, query
):
    make_practice(title="Jobbspår", language="sv", action_areas=["employment-and-skills"])
    translate(practices[1], "sv", {"Language café": "Språkkafé"})
    library = client.get(f"/{language}/practices/?{query}")
    answer = api(f"/api/v1/practices?language={language}&{query}")
    assert answer["count"] == library.context["paginator"].count
    assert counts(answer["facets"]) == page_counts(library.context["facets"])
    titles = [practice.title for practice in library.context["practices"]]
    assert [item["title"] for item in answer["results"]] == titles


def test_filtering_by_the_language_of_the_text(api, make_practice, translate, practices):
    make_practice(title="Jobbspår", language="sv")
    translate(practices[1], "sv", {"Language café": "Språkkafé"})
    answer = api("/api/v1/practices", {"language": "sv", "text_language": "sv", "sort": "title"})
    assert [(item["title"], item["language"]) for item in answer["results"]] == [
        ("Jobbspår", "sv"),
        ("Språkkafé", "sv"),
    ]
    (facet,) = [facet for facet in answer["facets"] if facet["param"] == "text_language"]
    assert [(option["value"], option["count"]) for option in facet["options"]] == [
        ("sv", 2),
        ("en", 2),
    ]
    assert facet["options"][0]["label"] == "Finns på mitt språk (svenska)"
    problem = api("/api/v1/practices", {"text_language": "xx"}, status=400)
    assert problem["errors"] == [{"parameter": "text_language", "message": "Unknown value: 'xx'."}]


SEARCH_QUERIES = ["q=club", "q=café&area=education-and-training", "q=mediators&country=se"]


@pytest.mark.parametrize("query", SEARCH_QUERIES)
def test_q_gives_the_search_pages_results_on_both_engines(client, api, engine, practices, query):  # noqa: F811
    index_now()
    search = client.get("/en/search/?" + query)
    answer = api("/api/v1/practices?" + query)
    outcome = search.context["outcome"]
    assert answer["count"] == outcome.total > 0
    assert counts(answer["facets"]) == page_counts(outcome.facets)
    assert [item["title"] for item in answer["results"]] == [
        page.title for page in outcome.practices
    ]


def test_pages_are_stable_and_complete(api, make_practice, organisation):
    for number in range(7):
        make_practice(title=f"Practice {number}", organisation=organisation)
    first = api("/api/v1/practices", {"page_size": 3})
    assert (first["count"], first["pages"], first["previous"]) == (7, 3, None)
    seen = []
    url = "/api/v1/practices?page_size=3"
    while url:
        answer = api(url)
        seen += [item["title"] for item in answer["results"]]
        url = answer["next"]
    assert seen == [f"Practice {number}" for number in range(6, -1, -1)]  # newest first
    api("/api/v1/practices", {"page_size": 3, "page": 4}, status=404)


def test_every_public_field_and_the_attachments_public_address(api, client, practices):
    practice = practices[0]
    document = get_document_model().objects.create(
        title="Evaluation",
        file=SimpleUploadedFile("evaluation.pdf", artwork.report_pdf("E", "O", "T")),
    )
    practice.attachments = [PracticeAttachment(document=document, title="Evaluation report")]
    practice.links = [PracticeLink(url="https://example.org/club", title="Club website")]
    practice.save_revision().publish()
    item = api(f"/api/v1/practices/{practice.translation_key}")
    assert item["title"] == "Homework club" and item["language"] == "en"
    assert item["origin"] == "original" and item["licence"].startswith("https://creativecommons")
    assert item["action_areas"] == [
        {"code": "education-and-training", "label": "Education and training"}
    ]
    assert item["countries"] == [{"code": "se", "label": "Sweden"}]
    assert item["status"]["code"] == "finished" and item["end_date"] == "2023-06-30"
    assert item["organisation"]["slug"] == "city-of-norrvik"
    assert item["organisation"]["type"]["code"] == "municipality"
    assert item["links"] == [{"title": "Club website", "url": "https://example.org/club"}]
    (attachment,) = item["attachments"]
    assert attachment["title"] == "Evaluation report" and attachment["file_type"] == "pdf"
    download = client.get(attachment["url"])
    assert download.status_code == 200 and download.getvalue().startswith(b"%PDF")
    assert item["approach"] == practice.approach
    assert [version["language"] for version in item["translations"]] == ["en"]


def test_translations_and_labels_in_the_requested_language(api, practices, translate):
    practice = practices[0]
    swedish = translate(practice, "sv", {"Homework club": "Läxhjälp"}, machine=True)
    item = api(f"/api/v1/practices/{practice.translation_key}", {"language": "sv"})
    assert (item["title"], item["language"], item["page_id"]) == ("Läxhjälp", "sv", swedish.pk)
    assert (item["origin"], item["source_language"]) == ("machine", "en")
    assert item["countries"] == [{"code": "se", "label": "Sverige"}]
    assert item["action_areas"][0]["code"] == "education-and-training"
    assert item["action_areas"][0]["label"] == "Allmän och yrkesinriktad utbildning"
    origins = {version["language"]: version["origin"] for version in item["translations"]}
    assert origins == {"en": "original", "sv": "machine"}
    # A language without a translation: the original, with labels in that language.
    german = api(f"/api/v1/practices/{practice.translation_key}", {"language": "de"})
    assert (german["title"], german["language"]) == ("Homework club", "en")
    assert german["countries"][0]["label"] == "Schweden"
    listed = api("/api/v1/practices", {"language": "sv", "country": "se", "sort": "title"})
    assert "Läxhjälp" in [entry["title"] for entry in listed["results"]]


def test_a_human_translation_is_marked_human(api, practices, translate):
    translate(practices[1], "de", {"Language café": "Sprachcafé"})
    item = api(f"/api/v1/practices/{practices[1].translation_key}", {"language": "de"})
    assert (item["title"], item["origin"], item["source_language"]) == ("Sprachcafé", "human", "en")


def test_modified_since(api, practices):
    old = practices[0]
    type(old).objects.update(last_published_at=timezone.now())  # (the factory does not publish)
    type(old).objects.filter(pk=old.pk).update(
        last_published_at=timezone.now() - datetime.timedelta(days=30)
    )
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    answer = api("/api/v1/practices", {"modified_since": since})
    assert answer["count"] == 2 and "Homework club" not in str(answer["results"])
    assert counts(answer["facets"])["area"]["education-and-training"] == 1
    day = (timezone.now() - datetime.timedelta(days=60)).date().isoformat()
    assert api("/api/v1/practices", {"modified_since": day})["count"] == 3


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"area": "no-such-area"}, "area"),
        ({"country": "zz"}, "country"),
        ({"year": "20x1"}, "year"),
        ({"status": "paused"}, "status"),
        ({"page": "abc"}, "page"),
        ({"page": "0"}, "page"),
        ({"page_size": "1000"}, "page_size"),
        ({"language": "xx"}, "language"),
        ({"sort": "random"}, "sort"),
        ({"sort": "relevance"}, "sort"),
        ({"modified_since": "yesterday"}, "modified_since"),
        ({"areas": "health"}, "areas"),
        ({"q": "x" * 300}, "q"),
        ({"area": [f"code-{n}" for n in range(100)]}, "area"),
    ],
)
def test_bad_parameters_are_problem_details(client, practices, query, parameter):
    response = client.get("/api/v1/practices", query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 400 and problem["title"] == "Bad Request"
    assert parameter in problem["detail"]


def test_unknown_ids_and_addresses_are_404_problems(client, practices):
    for url in (
        "/api/v1/practices/00000000-0000-0000-0000-000000000000",
        "/api/v1/practices/not-a-uuid",
        "/api/v1/nothing-here",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json()["status"] == 404
        assert response["Content-Type"] == "application/problem+json"


def test_a_page_of_results_takes_the_same_queries_whatever_its_size(
    client, make_practice, make_organisation
):
    partner = make_organisation(name="Partner", slug="partner")
    for number in range(12):
        practice = make_practice(title=f"Practice {number}", target_groups=["refugees"])
        practice.partner_organisations = [partner]
        practice.links = [PracticeLink(url="https://example.org", title="Site")]
        practice.save()
    client.get("/api/v1/practices?page_size=2")  # build the facet index and caches
    with CaptureQueriesContext(connection) as small:
        assert client.get("/api/v1/practices?page_size=2").status_code == 200
    with CaptureQueriesContext(connection) as large:
        assert client.get("/api/v1/practices?page_size=12").status_code == 200
    assert len(large) == len(small), [query["sql"][:120] for query in large.captured_queries]
