"""What the API's answers share: codes with labels, organisations, translations, images,
facets and pages of results (ninja Schemas, so that the OpenAPI document describes them), and
the functions that fill them from the base's models."""

import datetime

from django.urls import reverse
from django.utils import translation

from wagtail.models import Page

from ninja import Schema

from portal.page_queries import public
from portal.translation_status import translation_origins

ORIGINAL, HUMAN, MACHINE = "original", "human", "machine"


class Coded(Schema):
    code: str
    label: str


class Organisation(Schema):
    slug: str
    name: str
    acronym: str
    type: Coded
    country: Coded
    region_city: str
    website: str
    description: str
    url: str | None  # its public profile (approved organisations only)


class Translation(Schema):
    language: str
    page_id: int
    title: str
    url: str
    origin: str  # "original", "human" (wagtail-localize, by people) or "machine"
    source_language: str | None
    last_published_at: datetime.datetime | None


class Image(Schema):
    url: str
    width: int
    height: int
    alt: str
    credit: str


class FacetOption(Schema):
    value: str
    label: str
    count: int
    selected: bool


class Facet(Schema):
    param: str
    label: str
    options: list[FacetOption]


class Listing(Schema):
    count: int
    page: int
    pages: int
    page_size: int
    next: str | None
    previous: str | None
    facets: list[Facet]


def coded(code, label):
    return {"code": code or "", "label": str(label or "")}


def term(obj):
    """A taxonomy term, country or language as its stable code and its label in the active
    language."""
    label = getattr(obj, "label", None) or getattr(obj, "localized_name", None) or str(obj)
    return coded(obj.code, label)


def choice(choices_class, value):
    return coded(value, dict(choices_class.choices).get(value, value))


def organisation(request, org):
    approved = org.is_approved
    url = None
    if approved:
        url = request.build_absolute_uri(reverse("organisation_detail", args=[org.slug]))
    return {
        "slug": org.slug,
        "name": org.name,
        "acronym": org.acronym,
        "type": term(org.organisation_type),
        "country": term(org.country),
        "region_city": org.region_city,
        "website": org.website,
        "description": org.description,
        "url": url,
    }


def image(request, img, spec):
    if img is None:
        return None
    rendition = img.get_rendition(spec)
    return {
        "url": request.build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": img.title,
        "credit": getattr(img, "credit", ""),
    }


def facets(found):
    return [
        {
            "param": facet.param,
            "label": str(facet.label),
            "options": [
                {
                    "value": str(option.value),
                    "label": str(option.label),
                    "count": option.count,
                    "selected": option.selected,
                }
                for option in facet.options
            ],
        }
        for facet in found
    ]


def listing(request, page, page_size, found_facets):
    """The paging part of a list answer (`page` is a Django page)."""

    def link(number):
        query = request.GET.copy()
        query["page"] = str(number)
        return request.build_absolute_uri(request.path + "?" + query.urlencode())

    return {
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "page_size": page_size,
        "next": link(page.next_page_number()) if page.has_next() else None,
        "previous": link(page.previous_page_number()) if page.has_previous() else None,
        "facets": facets(found_facets),
    }


def translations(request, pages):
    """{translation_key: [Translation]} of every live, public version of these pages, each
    marked original, human or machine translated (wagtail-localize), in two queries."""
    keys = {page.translation_key for page in pages}
    versions = list(
        public(Page.objects.live())
        .filter(translation_key__in=keys)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    origins = translation_origins(versions)
    found = {}
    for version in versions:
        origin = origins.get(version.pk)
        kind = ORIGINAL if origin is None else MACHINE if origin["machine"] else HUMAN
        found.setdefault(version.translation_key, []).append(
            {
                "language": version.locale.language_code,
                "page_id": version.pk,
                "title": version.title,
                "url": version.get_full_url(request) or "",
                "origin": kind,
                "source_language": origin["source_language"] if origin else None,
                "last_published_at": version.last_published_at,
            }
        )
    return found


def origin_of(page, versions):
    """(origin, source language) of one version among its group's `translations()`."""
    for version in versions:
        if version["page_id"] == page.pk:
            return version["origin"], version["source_language"]
    return ORIGINAL, None


def in_language(language):
    """Labels and addresses in `language`, whatever the request's Accept-Language says."""
    return translation.override(language)
