"""The good practices in the read API (/api/v1/practices): the library's filters, counts and
order from its own facet index, `q` through the search service, every public field and every
translation of each practice. Mounted by `wagtail_hooks` (portal.api.core.API_SECTIONS)."""

import datetime
import uuid
from typing import Literal

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects

from ninja import Field, Query, Router, Schema

from portal.api import schemas
from portal.api.params import Language, aware, check_query, page_of, query_schema
from portal.api.problems import Problem
from portal.i18n import best_versions, current_language
from portal.listing import LIBRARY_SORTS, SEARCH_SORTS
from portal.models import Organisation
from search import service

from . import adoptions, catalog
from .choices import (
    AdoptionKind,
    Continuation,
    EvidenceLevel,
    ImplementationLevel,
    MigrantParticipation,
    Status,
    ValidationCriterion,
)
from .facets import FACETS, status_of
from .library import TERM_RELATIONS, IndexPaginator, facet_index, index_facets
from .models import BODY_SECTIONS, PracticeAttachment, PracticeGalleryImage, PracticePage
from .models.practice import LISTING_RENDITION

router = Router(tags=["practices"])
GALLERY_RENDITION = "max-1600x1600|format-webp"


class Attachment(Schema):
    title: str
    url: str
    file_type: str
    size: int | None


class Link(Schema):
    title: str
    url: str


class AdoptionLink(Schema):
    """A typed link between two practices (`kind`: inspired-by, adapted-from, scaled-up-from),
    with the adopter's note on what it changed."""

    id: uuid.UUID  # the other practice (its translation group)
    title: str
    url: str
    organisation: str
    place: str
    kind: schemas.Coded
    note: str


class GalleryImage(schemas.Image):
    caption: str


class Criterion(schemas.Coded):
    met: bool
    comment: str


class Validation(Schema):
    """The practice's expert validation; `expired` once its re-check date has passed."""

    body: str
    validated_on: datetime.date
    recheck_on: datetime.date
    expired: bool
    criteria: list[Criterion]


class Practice(Schema):
    id: uuid.UUID  # the practice in every language (its translation group)
    page_id: int  # this language version
    url: str
    language: str
    origin: str  # of this version: "original", "human" or "machine" translated
    source_language: str | None
    title: str
    summary: str
    challenge: str  # the six body sections: HTML (the editor's restricted rich text)
    approach: str
    results: str
    difficulties: str
    resources: str
    transferability: str
    organisation: schemas.Organisation
    partner_organisations: list[schemas.Organisation]
    countries: list[schemas.Coded]
    region_city: str
    implementation_level: schemas.Coded
    action_areas: list[schemas.Coded]
    sub_themes: list[schemas.Coded]
    target_groups: list[schemas.Coded]
    funding_instruments: list[schemas.Coded]
    status: schemas.Coded  # the library's status filter: ongoing or finished
    continuation: schemas.Coded
    start_date: datetime.date | None
    end_date: datetime.date | None
    budget_amount: str | None  # a decimal, as text
    budget_currency: str
    people_reached: int | None
    evidence_level: schemas.Coded
    migrant_participation: schemas.Coded
    last_confirmed: datetime.date
    validation: Validation | None
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None
    image: schemas.Image | None
    gallery: list[GalleryImage]
    attachments: list[Attachment]
    links: list[Link]
    adapted_from: list[AdoptionLink]  # the practices this one took up
    adopted_in: list[AdoptionLink]  # the practices elsewhere that took this one up
    translations: list[schemas.Translation]
    licence: str


class PracticeList(schemas.Listing):
    results: list[Practice]


PracticeQuery = query_schema(
    "PracticeQuery",
    FACETS,
    q=(
        str,
        Field(
            "",
            max_length=200,
            description="Words to search for, through the portal's search (as /search/).",
        ),
    ),
    sort=(
        Literal[SEARCH_SORTS] | None,  # type: ignore[valid-type]
        Field(
            None,
            description="`newest` (default without `q`), `title`, or `relevance` (default "
            "with `q`; only with it).",
        ),
    ),
)


class OneLanguage(Schema):
    language: Language = Field(settings.LANGUAGE_CODE, description="Language of the answer.")


def _records(request, practices):
    """The API's record of each practice (all read in a fixed number of queries, into plain
    lists: `page.api_<relation>`; a related manager per page and relation costs more than
    the queries)."""
    prefetch_related_objects(
        practices,
        *(Prefetch(name, to_attr=f"api_{name}") for name in TERM_RELATIONS),
        Prefetch(
            "partner_organisations",
            Organisation.objects.with_related(),
            to_attr="api_partner_organisations",
        ),
        Prefetch("links", to_attr="api_links"),
        "validation",
        Prefetch(
            "attachments",
            PracticeAttachment.objects.select_related("document"),
            to_attr="api_attachments",
        ),
        Prefetch(
            "gallery_images",
            PracticeGalleryImage.objects.select_related("image").prefetch_related(
                "image__renditions"
            ),
            to_attr="api_gallery_images",
        ),
    )
    groups = schemas.translations(request, practices)
    links = adoptions.links_of(practices, current_language())
    return [
        {
            **_record(request, page, groups.get(page.translation_key, [])),
            **_adoption_record(request, *links[page.translation_key]),
        }
        for page in practices
    ]


def _adoption_record(request, took_up, adopted_in):
    def one(link):
        return {
            "id": link.practice.translation_key,
            "title": link.practice.title,
            "url": link.practice.get_full_url(request) or "",
            "organisation": link.practice.organisation.name,
            "place": link.place,
            "kind": schemas.choice(AdoptionKind, link.kind),
            "note": link.note,
        }

    return {"adapted_from": [one(x) for x in took_up], "adopted_in": [one(x) for x in adopted_in]}


def _validation(page):
    validation = getattr(page, "validation", None)
    if validation is None:
        return None
    labels = dict(ValidationCriterion.choices)
    return {
        "body": validation.body,
        "validated_on": validation.validated_on,
        "recheck_on": validation.recheck_on,
        "expired": validation.expired,
        "criteria": [
            {
                **schemas.coded(item["code"], labels.get(item["code"], item["code"])),
                "met": item["met"],
                "comment": item.get("comment", ""),
            }
            for item in validation.criteria
        ],
    }


def _record(request, page, versions):
    origin, source = schemas.origin_of(page, versions)
    terms = {
        name: [schemas.term(t) for t in getattr(page, f"api_{name}")] for name in TERM_RELATIONS
    }
    return {
        "id": page.translation_key,
        "page_id": page.pk,
        "url": page.get_full_url(request) or "",
        "language": page.locale.language_code,
        "origin": origin,
        "source_language": source,
        "title": page.title,
        "summary": page.summary,
        **{name: getattr(page, name) or "" for name, _heading in BODY_SECTIONS},
        "organisation": schemas.organisation(request, page.organisation),
        "partner_organisations": [
            schemas.organisation(request, org) for org in page.api_partner_organisations
        ],
        "region_city": page.region_city,
        "implementation_level": schemas.choice(ImplementationLevel, page.implementation_level),
        **terms,
        "status": schemas.choice(Status, status_of(page.continuation)),
        "continuation": schemas.choice(Continuation, page.continuation),
        "start_date": page.start_date,
        "end_date": page.end_date,
        "budget_amount": None if page.budget_amount is None else str(page.budget_amount),
        "budget_currency": page.budget_currency,
        "people_reached": page.people_reached,
        "evidence_level": schemas.choice(EvidenceLevel, page.evidence_level),
        "migrant_participation": schemas.choice(MigrantParticipation, page.migrant_participation),
        "last_confirmed": page.last_confirmed,
        "validation": _validation(page),
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
        "image": schemas.image(request, page.image, LISTING_RENDITION),
        "gallery": [
            {**schemas.image(request, item.image, GALLERY_RENDITION), "caption": item.caption}
            for item in page.api_gallery_images
        ],
        "attachments": [
            {
                "title": item.display_title,
                "url": request.build_absolute_uri(item.document.url),
                "file_type": item.document.file_extension,
                "size": item.document.file_size,
            }
            for item in page.api_attachments
        ],
        "links": [{"title": link.title, "url": link.url} for link in page.api_links],
        "translations": versions,
        "licence": settings.OPEN_DATA_LICENCE,
    }


@router.get("", response=PracticeList, summary="Good practices, filtered as in the library")
def practice_list(request, filters: Query[PracticeQuery]):
    """The practice library's results: the same filters (codes from /api/v1/taxonomy), the
    same counts (`facets`) and the same order (`newest`: first published first, then by id).
    With `q`, the search page's results and counts instead."""
    selected = check_query(request.GET, PracticeQuery, FACETS)
    text, since, language = filters.q.strip(), aware(filters.modified_since), filters.language
    sort = filters.sort or (SEARCH_SORTS[0] if text else LIBRARY_SORTS[0])
    if sort not in LIBRARY_SORTS and not text:
        raise Problem(400, "sort=relevance needs a search (q).", [{"parameter": "sort"}])
    if text and since:
        raise Problem(400, "modified_since cannot be combined with q.", [{"parameter": "q"}])
    with schemas.in_language(language):
        if text:
            outcome = service.search(
                text, selected, language, sort, filters.page, filters.page_size
            )
            page = outcome.practices
            if filters.page > page.paginator.num_pages:
                page_of(page.paginator, filters.page)  # the 404 problem
            found = outcome.facets
        else:
            index = facet_index(PracticePage, language)
            within = None
            if since:
                changed = PracticePage.objects.listable().filter(last_published_at__gte=since)
                within = index.mask_of(changed.values_list("pk", flat=True))
            result = index.matching(selected) & (index.all if within is None else within)
            practices = PracticePage.objects.listable().for_listing()
            paginator = IndexPaginator(index, result, sort, practices, filters.page_size)
            page = page_of(paginator, filters.page)
            found = index_facets(index, selected, within)
        return {
            **schemas.listing(request, page, filters.page_size, found),
            "results": _records(request, list(page.object_list)),
        }


def _one(id, language):
    versions = PracticePage.objects.listable().filter(translation_key=id)
    page = best_versions(versions, language).for_listing().first()
    if page is None:
        raise Problem(404, f"No public practice has the id {id}.")
    return page


@router.get("/{uuid:id}", response=Practice, summary="One practice")
def practice_detail(request, id: uuid.UUID, filters: Query[OneLanguage]):
    """The practice in `language` where it is translated (else its original), with the list
    of every published translation."""
    check_query(request.GET, OneLanguage, ())
    with schemas.in_language(filters.language):
        return _records(request, [_one(id, filters.language)])[0]


@router.get(
    "/{uuid:id}.ttl",
    summary="One practice as RDF (Turtle)",
    response={200: str},
    openapi_extra={"responses": {200: {"content": {"text/turtle": {}}}}},
)
def practice_rdf(request, id: uuid.UUID):
    """The practice described with Dublin Core terms (title and summary in every published
    language, themes, countries, publisher, licence), part of the DCAT-AP dataset of
    /catalog.ttl."""
    check_query(request.GET, Schema, ())
    return catalog.practice_response(request, _one(id, settings.LANGUAGE_CODE))
