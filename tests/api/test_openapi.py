"""The OpenAPI document is valid and complete, and its browsable docs run under the readers'
Content-Security-Policy with the portal's own files."""

import re

import pytest

from agenda.facets import FACETS as EVENT_FACETS
from practices.facets import FACETS as PRACTICE_FACETS

pytestmark = pytest.mark.django_db

PAGING = {"page", "page_size", "modified_since"}
EXPECTED = {
    "/api/v1/": set(),
    "/api/v1/practices": {"q", "sort", "language", *PAGING} | {f.param for f in PRACTICE_FACETS},
    "/api/v1/practices/{id}": {"id", "language"},
    "/api/v1/practices/{id}.ttl": {"id"},
    "/api/v1/events": {"when", "lang", *PAGING} | {f.param for f in EVENT_FACETS},
    "/api/v1/events/{id}": {"id", "lang"},
    "/api/v1/organisations": {"q", "country", "language", "page", "page_size"},
    "/api/v1/organisations/{slug}": {"slug", "language"},
    "/api/v1/taxonomy": set(),
}


@pytest.fixture
def document(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    return response.json()


def test_the_document_is_openapi_3_and_lists_every_endpoint_and_parameter(document):
    assert re.match(r"^3\.\d+\.\d+$", document["openapi"])
    assert document["info"]["title"] and document["info"]["version"] == "1"
    assert set(document["paths"]) == set(EXPECTED)
    for path, operations in document["paths"].items():
        assert set(operations) == {"get"}, path
        operation = operations["get"]
        assert operation["summary"] and operation["operationId"], path
        parameters = operation.get("parameters", [])
        assert {parameter["name"] for parameter in parameters} == EXPECTED[path], path
        for parameter in parameters:
            assert parameter["in"] in {"query", "path"}, (path, parameter)
            assert parameter["schema"], (path, parameter)
            assert parameter["in"] == "query" or parameter["required"], (path, parameter)
        for status in ("200", "304", "400", "404", "429"):
            assert operation["responses"][status]["description"], (path, status)
        problem = operation["responses"]["400"]["content"]["application/problem+json"]
        assert problem["schema"]["$ref"] == "#/components/schemas/Problem"


def test_every_reference_resolves_and_filters_are_repeatable(document):
    text = str(document)
    for name in set(re.findall(r"#/components/schemas/(\w+)", text)):
        assert name in document["components"]["schemas"], name
    parameters = {p["name"]: p for p in document["paths"]["/api/v1/practices"]["get"]["parameters"]}
    area = parameters["area"]["schema"]
    assert "array" in str(area) and parameters["area"]["description"]
    assert set(parameters["language"]["schema"]["enum"]) >= {"en", "sv", "ar", "uk"}
    results = document["components"]["schemas"]["Practice"]["properties"]
    assert {"translations", "attachments", "licence", "action_areas", "organisation"} <= set(
        results
    )


def test_the_docs_page_uses_only_local_files_and_no_inline_script(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(source.startswith("/static/") for source in sources), sources
    for script in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S):
        attributes, body = script
        assert "src=" in attributes or 'type="application/json"' in attributes, script
    for source in sources:
        assert client.get(source).status_code == 200, source


def test_the_base_address_says_where_everything_is(client, document):
    index = client.get("/api/v1/").json()
    assert index["docs"] == "http://testserver/api/v1/docs"
    assert set(index["resources"]) == {"practices", "events", "organisations", "taxonomy"}
    for url in [index["openapi"], index["catalog"], *index["resources"].values()]:
        assert client.get(url).status_code == 200, url
