"""The DCAT-AP 3 catalogue: three serialisations and content negotiation, conformance to the
shapes written from DCAT-AP 3.0 (pyshacl), only public practices, per-practice RDF."""

import json
from pathlib import Path

from wagtail.models import PageViewRestriction

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF

pytestmark = pytest.mark.django_db

SHAPES = Path(__file__).resolve().parent.parent / "data" / "dcat-ap-3-shapes.ttl"
AUTHORITY = "http://publications.europa.eu/resource/authority/"
FORMATS = {
    "ttl": ("turtle", "text/turtle"),
    "jsonld": ("json-ld", "application/ld+json"),
    "rdf": ("xml", "application/rdf+xml"),
}


@pytest.fixture
def practices(make_practice, organisation):
    public = make_practice(
        title="Homework club",
        organisation=organisation,
        action_areas=["education-and-training"],
        countries=["se"],
    )
    draft = make_practice(
        title="Secret draft",
        organisation=organisation,
        action_areas=["health"],
        countries=["pt"],
        live=False,
    )
    private = make_practice(
        title="Members only", organisation=organisation, action_areas=["health"], countries=["pt"]
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return public, draft, private


def catalog(client, suffix="ttl"):
    rdf_format, media_type = FORMATS[suffix]
    response = client.get(f"/catalog.{suffix}")
    assert response.status_code == 200 and response["Content-Type"].startswith(media_type)
    return Graph().parse(data=response.content, format=rdf_format)


@pytest.mark.parametrize("suffix", list(FORMATS))
def test_the_catalogue_parses_in_each_serialisation_and_conforms(client, practices, suffix):
    graph = catalog(client, suffix)
    conforms, _results, report = validate(
        graph, shacl_graph=str(SHAPES), shacl_graph_format="turtle", inference="none"
    )
    assert conforms, report  # no violation and no warning: mandatory and recommended
    assert len(list(graph.subjects(RDF.type, DCAT.Catalog))) == 1
    assert len(list(graph.subjects(RDF.type, DCAT.Dataset))) == 1


def test_the_same_graph_in_every_serialisation_and_by_content_negotiation(client, practices):
    turtle = catalog(client, "ttl")
    assert len(turtle) == len(catalog(client, "jsonld")) == len(catalog(client, "rdf"))
    for accept, media_type in [
        ("application/ld+json", "application/ld+json"),
        ("application/rdf+xml;q=0.9, text/html;q=0.5", "application/rdf+xml"),
        ("text/turtle", "text/turtle"),
        ("*/*", "text/turtle"),
    ]:
        response = client.get("/catalog", headers={"Accept": accept})
        assert response.status_code == 200, accept
        assert response["Content-Type"].startswith(media_type), accept
        assert "Accept" in response["Vary"]
    refused = client.get("/catalog", headers={"Accept": "image/png"})
    assert refused.status_code == 406 and refused["Content-Type"] == "application/problem+json"
    assert json.loads(refused.content)["status"] == 406


def test_the_dataset_says_what_the_public_practices_are(client, practices, settings):
    graph = catalog(client)
    dataset = next(graph.subjects(RDF.type, DCAT.Dataset))
    spatial = {str(node) for node in graph.objects(dataset, DCTERMS.spatial)}
    assert spatial == {AUTHORITY + "country/SWE"}  # Portugal: only hidden practices
    themes = {str(node) for node in graph.objects(dataset, DCAT.theme)}
    assert themes == {AUTHORITY + "data-theme/SOCI", AUTHORITY + "data-theme/EDUC"}
    assert {str(node) for node in graph.objects(dataset, DCTERMS.language)} == {
        AUTHORITY + "language/ENG"
    }
    assert Literal("Education and training", lang="en") in set(graph.objects(dataset, DCAT.keyword))
    text = client.get("/catalog.ttl").content.decode()
    for hidden in ("Secret draft", "Members only", "Health"):
        assert hidden not in text
    accesses = {str(node) for node in graph.objects(None, DCAT.accessURL)}
    assert any(url.endswith("/api/v1/practices") for url in accesses)
    assert any(url.endswith("/en/practices/?export=csv") for url in accesses)
    assert any(url.endswith("/en/practices/?export=json") for url in accesses)
    licences = set(graph.objects(None, DCTERMS.license))
    assert licences == {URIRef("https://creativecommons.org/licenses/by/4.0/")}


def test_the_licence_is_a_setting(client, practices, settings):
    settings.OPEN_DATA_LICENCE = "http://publications.europa.eu/resource/authority/licence/CC0"
    graph = catalog(client)
    assert set(graph.objects(None, DCTERMS.license)) == {URIRef(settings.OPEN_DATA_LICENCE)}
    public = practices[0]
    item = client.get(f"/api/v1/practices/{public.translation_key}").json()
    assert item["licence"] == settings.OPEN_DATA_LICENCE


def test_each_public_practice_as_rdf(client, practices, translate):
    public, draft, private = practices
    translate(public, "sv", {"Homework club": "Läxhjälp"})
    response = client.get(f"/api/v1/practices/{public.translation_key}.ttl")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/turtle")
    graph = Graph().parse(data=response.content, format="turtle")
    node = URIRef(f"http://testserver/api/v1/practices/{public.translation_key}")
    titles = set(graph.objects(node, DCTERMS.title))
    assert titles == {Literal("Homework club", lang="en"), Literal("Läxhjälp", lang="sv")}
    assert (node, DCTERMS.spatial, URIRef(AUTHORITY + "country/SWE")) in graph
    assert (node, DCTERMS.isPartOf, URIRef("http://testserver/catalog#practices")) in graph
    for hidden in (draft, private):
        response = client.get(f"/api/v1/practices/{hidden.translation_key}.ttl")
        assert response.status_code == 404
