"""The good practices in the DCAT-AP catalogue (portal.catalog): the collection as a
dcat:Dataset with its distributions (the API, the library's CSV and JSON exports), and each
practice as RDF at /api/v1/practices/{id}.ttl (Dublin Core terms, part of that dataset)."""

from django.conf import settings
from django.db.models import Max, Min

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS, XSD

from portal import catalog as dcat
from portal.models import ActionArea
from portal.models.taxonomy import term_labels

from .models import PracticeIndexPage, PracticePage

# The EU data themes of the action areas, where one fits; every practice is also SOCI
# (population and society: migration and integration).
SOCIETY = "SOCI"
ACTION_AREA_THEMES = {"education-and-training": "EDUC", "health": "HEAL"}
DATASET_PATH = "/catalog#practices"


def themes_of(area_codes):
    return sorted(
        {SOCIETY, *(ACTION_AREA_THEMES[c] for c in area_codes if c in ACTION_AREA_THEMES)}
    )


def describe_practices(graph, context):
    """Add the practice collection's dataset to the catalogue; returns its node."""
    dataset = dcat.typed(graph, context.url(DATASET_PATH), DCAT.Dataset)
    libraries = PracticeIndexPage.objects.live().public().select_related("locale").order_by("path")
    library_url = None
    for library in libraries:
        language = library.locale.language_code
        graph.add((dataset, DCTERMS.title, Literal(library.title, lang=language)))
        if library.introduction:
            graph.add((dataset, DCTERMS.description, Literal(library.introduction, lang=language)))
        if language == settings.LANGUAGE_CODE and library_url is None:
            library_url = library.get_full_url(context.request)
    graph.add((dataset, DCTERMS.identifier, Literal(str(dataset))))
    graph.add((dataset, DCTERMS.publisher, context.publisher))
    graph.add((dataset, DCAT.contactPoint, dcat.contact_point(graph, context)))
    if library_url:
        graph.add(
            (dataset, DCAT.landingPage, dcat.typed(graph, URIRef(library_url), FOAF.Document))
        )

    practices = PracticePage.objects.listable()
    dates = practices.aggregate(
        issued=Min("first_published_at"), modified=Max("last_published_at"), start=Min("start_date")
    )
    dcat.add_date(graph, dataset, DCTERMS.issued, dates["issued"])
    dcat.add_date(graph, dataset, DCTERMS.modified, dates["modified"])
    if dates["start"]:
        period = dcat.typed(graph, URIRef(str(dataset) + "-period"), DCTERMS.PeriodOfTime)
        graph.add((period, DCAT.startDate, Literal(dates["start"], datatype=XSD.date)))
        graph.add((dataset, DCTERMS.temporal, period))
    languages = practices.values_list("locale__language_code", flat=True).distinct()
    dcat.add_languages(graph, dataset, sorted(set(languages)))
    countries = practices.values_list("countries__code", flat=True).distinct()
    for code in sorted({code for code in countries if code}):
        graph.add(
            (dataset, DCTERMS.spatial, dcat.typed(graph, dcat.country_uri(code), DCTERMS.Location))
        )
    areas = set(practices.values_list("action_areas__code", flat=True).distinct()) - {None}
    for theme in themes_of(areas):
        graph.add((dataset, DCAT.theme, dcat.typed(graph, dcat.DATA_THEME[theme], SKOS.Concept)))
    for language, _name in settings.LANGUAGES:
        for code, label in term_labels(ActionArea, language).items():
            if code in areas:
                graph.add((dataset, DCAT.keyword, Literal(label, lang=language)))

    api = context.url("/api/v1/practices")
    item = dcat.distribution(
        graph,
        context,
        dataset,
        title="The read API: JSON, filtered and paged (OpenAPI: /api/v1/openapi.json)",
        access_url=api,
        file_type="JSON",
        media_type="application/json",
        download=False,
    )
    graph.add((item, DCAT.accessService, context.url("/api/v1/")))
    if library_url:
        for export, file_type, media_type in (
            ("csv", "CSV", "text/csv"),
            ("json", "JSON", "application/json"),
        ):
            dcat.distribution(
                graph,
                context,
                dataset,
                title=f"Every practice of the library as {file_type} (any filter applies)",
                access_url=URIRef(f"{library_url}?export={export}"),
                file_type=file_type,
                media_type=media_type,
            )
    return dataset


def practice_graph(request, page):
    """One practice (all its public translations) as Dublin Core terms."""
    graph = Graph()
    graph.bind("dct", DCTERMS)
    graph.bind("dcat", DCAT)
    graph.bind("foaf", FOAF)
    node = URIRef(request.build_absolute_uri(f"/api/v1/practices/{page.translation_key}"))
    graph.add((node, RDF.type, URIRef("http://purl.org/dc/dcmitype/Text")))
    versions = (
        PracticePage.objects.listable()
        .filter(translation_key=page.translation_key)
        .select_related("locale")
    )
    for version in versions:
        language = version.locale.language_code
        graph.add((node, DCTERMS.title, Literal(version.title, lang=language)))
        graph.add((node, DCTERMS.abstract, Literal(version.summary, lang=language)))
        graph.add((node, FOAF.page, URIRef(version.get_full_url(request))))
        dcat.add_languages(graph, node, [language])
    areas = [area.code for area in page.action_areas.all()]
    for theme in themes_of(areas):
        graph.add((node, DCTERMS.subject, dcat.DATA_THEME[theme]))
    for code in areas:
        graph.add((node, DCAT.keyword, Literal(code)))
    for country in page.countries.all():
        graph.add((node, DCTERMS.spatial, dcat.country_uri(country.code)))
    organisation = URIRef(str(node) + "#organisation")
    graph.add((organisation, RDF.type, FOAF.Organization))
    graph.add((organisation, FOAF.name, Literal(page.organisation.name)))
    if page.organisation.website:
        graph.add((organisation, FOAF.homepage, URIRef(page.organisation.website)))
    graph.add((node, DCTERMS.publisher, organisation))
    graph.add((node, DCTERMS.license, URIRef(settings.OPEN_DATA_LICENCE)))
    graph.add((node, DCTERMS.isPartOf, URIRef(request.build_absolute_uri(DATASET_PATH))))
    dcat.add_date(graph, node, DCTERMS.issued, page.first_published_at)
    modified = [v.last_published_at for v in versions if v.last_published_at]
    dcat.add_date(graph, node, DCTERMS.modified, max(modified, default=None))
    if page.start_date:
        graph.add((node, DCTERMS.created, Literal(page.start_date, datatype=XSD.date)))
    for attachment in page.attachments.select_related("document"):
        graph.add(
            (node, DCTERMS.relation, URIRef(request.build_absolute_uri(attachment.document.url)))
        )
    return graph


def practice_response(request, page):
    return dcat.rdf_response(practice_graph(request, page), "ttl")
