"""The DCAT-AP 3 catalogue of the portal's open data, built with rdflib, at /catalog.ttl,
/catalog.jsonld, /catalog.rdf and /catalog (content negotiation on the Accept header).

The base describes the catalogue (title, publisher, languages, licence, themes' taxonomy) and
the read API as a data service; features describe their datasets through a Wagtail hook, so
that the base never imports a feature:

    @hooks.register(OPEN_DATASETS)
    def describe_practices(graph, context):
        ...  # add the dataset's triples; return its node

Vocabularies are the EU's authority tables (data themes, languages, countries, file types,
availability), as DCAT-AP asks.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Min
from django.http import HttpResponse
from django.utils.html import strip_tags

from wagtail import hooks
from wagtail.models import Page

import pycountry
from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, SKOS

from portal.api.http import TOKENS, open_data
from portal.api.problems import problem_response
from portal.models import HomePage, Revision

OPEN_DATASETS = "register_open_dataset"
AUTHORITY = "http://publications.europa.eu/resource/authority/"
DATA_THEME = Namespace(AUTHORITY + "data-theme/")
FILE_TYPE = Namespace(AUTHORITY + "file-type/")
DCATAP = Namespace("http://data.europa.eu/r5r/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
STABLE = URIRef(AUTHORITY + "planned-availability/STABLE")
EUROPE = URIRef(AUTHORITY + "continent/EUROPE")
FORMATS = {
    # suffix: (rdflib format, media type)
    "ttl": ("turtle", "text/turtle"),
    "jsonld": ("json-ld", "application/ld+json"),
    "rdf": ("xml", "application/rdf+xml"),
}
MEDIA_TYPES = {media: suffix for suffix, (_format, media) in FORMATS.items()}


@dataclass
class Context:
    """What dataset descriptions share: the request (absolute addresses), the catalogue's
    publisher and licence nodes."""

    request: object
    publisher: URIRef
    licence: URIRef

    def url(self, path):
        return URIRef(self.request.build_absolute_uri(path))


def language_uri(code):
    """The EU language authority's entry (ISO 639-2/T codes), e.g. .../language/SWE."""
    language = pycountry.languages.get(alpha_2=code.split("-")[0])
    return URIRef(AUTHORITY + "language/" + (language.alpha_3 if language else code).upper())


def country_uri(code):
    """The EU country authority's entry (ISO 3166-1 alpha-3), e.g. .../country/SWE."""
    country = pycountry.countries.get(alpha_2=code.upper())
    return URIRef(AUTHORITY + "country/" + (country.alpha_3 if country else code.upper()))


def typed(graph, node, rdf_type):
    graph.add((node, RDF.type, rdf_type))
    return node


def add_languages(graph, subject, codes):
    for code in codes:
        graph.add(
            (subject, DCTERMS.language, typed(graph, language_uri(code), DCTERMS.LinguisticSystem))
        )


def add_date(graph, subject, predicate, moment):
    if moment is not None:
        graph.add((subject, predicate, Literal(moment.isoformat(), datatype=XSD.dateTime)))


def distribution(graph, context, node, *, title, access_url, file_type, media_type, download=True):
    """A dcat:Distribution of the dataset `node`, under the catalogue's licence."""
    item = typed(graph, BNode(), DCAT.Distribution)
    graph.add((node, DCAT.distribution, item))
    graph.add((item, DCTERMS.title, Literal(title, lang="en")))
    graph.add((item, DCTERMS.description, Literal(title, lang="en")))
    graph.add((item, DCAT.accessURL, access_url))
    if download:
        graph.add((item, DCAT.downloadURL, access_url))
    graph.add((item, DCTERMS.format, typed(graph, FILE_TYPE[file_type], DCTERMS.MediaTypeOrExtent)))
    graph.add(
        (item, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{media_type}"))
    )
    graph.add((item, DCTERMS.license, context.licence))
    graph.add((item, DCATAP.availability, STABLE))
    return item


def _publisher(graph, request):
    node = URIRef(request.build_absolute_uri("/catalog#publisher"))
    typed(graph, node, FOAF.Agent)
    graph.add((node, FOAF.name, Literal(settings.OPEN_DATA_PUBLISHER)))
    graph.add((node, DCTERMS.type, URIRef(settings.OPEN_DATA_PUBLISHER_TYPE)))
    graph.add((node, FOAF.homepage, URIRef(request.build_absolute_uri("/"))))
    return node


def contact_point(graph, context):
    node = typed(graph, typed(graph, BNode(), VCARD.Kind), VCARD.Organization)
    graph.add((node, VCARD.fn, Literal(settings.OPEN_DATA_PUBLISHER)))
    graph.add((node, VCARD.hasURL, context.url("/")))
    return node


def _issued():
    """When the portal first published something (pages made by migrations have no date:
    then when its content first changed)."""
    first = Page.objects.live().aggregate(first=Min("first_published_at"))["first"]
    return first or Revision.objects.aggregate(first=Min("changed_at"))["first"]


def catalog_graph(request):
    """The whole catalogue as an rdflib Graph."""
    graph = Graph()
    for prefix, namespace in (("dcat", DCAT), ("dct", DCTERMS), ("foaf", FOAF), ("vcard", VCARD)):
        graph.bind(prefix, namespace)
    graph.bind("dcatap", DCATAP)
    catalog = typed(graph, URIRef(request.build_absolute_uri("/catalog")), DCAT.Catalog)
    licence = typed(graph, URIRef(settings.OPEN_DATA_LICENCE), DCTERMS.LicenseDocument)
    context = Context(request, _publisher(graph, request), licence)
    graph.add((catalog, DCTERMS.title, Literal(settings.WAGTAIL_SITE_NAME)))
    homes = Page.objects.type(HomePage).live().public().specific().select_related("locale")
    for home in homes:
        text = " ".join(strip_tags(" ".join([home.heading or "", home.intro or ""])).split())
        if text:
            graph.add((catalog, DCTERMS.description, Literal(text, lang=home.locale.language_code)))
    graph.add((catalog, DCTERMS.publisher, context.publisher))
    graph.add((catalog, FOAF.homepage, context.url("/")))
    graph.add((catalog, DCTERMS.license, licence))
    graph.add((catalog, DCTERMS.spatial, typed(graph, EUROPE, DCTERMS.Location)))
    graph.add(
        (
            catalog,
            DCAT.themeTaxonomy,
            typed(graph, URIRef(AUTHORITY + "data-theme"), SKOS.ConceptScheme),
        )
    )
    add_languages(graph, catalog, [code for code, _name in settings.LANGUAGES])
    add_date(graph, catalog, DCTERMS.issued, _issued())
    add_date(graph, catalog, DCTERMS.modified, Revision.last_changed(TOKENS))

    service = typed(graph, context.url("/api/v1/"), DCAT.DataService)
    graph.add((catalog, DCAT.service, service))
    graph.add(
        (service, DCTERMS.title, Literal(f"{settings.WAGTAIL_SITE_NAME} open data API", lang="en"))
    )
    graph.add((service, DCAT.endpointURL, context.url("/api/v1/")))
    graph.add((service, DCAT.endpointDescription, context.url("/api/v1/openapi.json")))
    graph.add((service, DCTERMS.license, licence))
    for describe in hooks.get_hooks(OPEN_DATASETS):
        dataset = describe(graph, context)
        graph.add((catalog, DCAT.dataset, dataset))
        graph.add((service, DCAT.servesDataset, dataset))
    return graph


def rdf_response(graph, suffix):
    rdf_format, media_type = FORMATS[suffix]
    return HttpResponse(
        graph.serialize(format=rdf_format), content_type=f"{media_type}; charset=utf-8"
    )


def negotiated(request):
    """The serialisation the Accept header prefers (Turtle for */* or none), or None."""
    accept = request.headers.get("Accept", "")
    if not accept.strip():
        return "ttl"
    chosen = request.get_preferred_type(
        [FORMATS["ttl"][1], *(m for s, (_f, m) in FORMATS.items() if s != "ttl")]
    )
    return MEDIA_TYPES.get(chosen)


def catalog(request, suffix=None):
    """The catalogue in the serialisation of `suffix`, else the one the Accept header asks."""
    chosen = suffix or negotiated(request)
    if chosen is None:
        media = ", ".join(media for _format, media in FORMATS.values())
        return problem_response(406, f"The catalogue is available as {media}.")
    return rdf_response(catalog_graph(request), chosen)


def _format_of(request):
    return request.path.rpartition(".")[2] if "." in request.path else negotiated(request)


catalog_view = open_data(catalog, negotiated=_format_of)
