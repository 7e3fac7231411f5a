"""Query parameters of the API's listings, from the listings' own facet definitions
(portal.facets): the same names, codes and meaning as the library and the events page, each
documented in the OpenAPI document. Unlike a page, the API refuses what it cannot answer
exactly: an unknown parameter, an unknown code or a malformed value is a 400 naming it."""

import datetime
from typing import Literal

from django.conf import settings
from django.utils import timezone

from ninja import Field, Schema
from pydantic import create_model

from portal import facets as facet_module
from portal.models.taxonomy import terms_by_code

from .problems import Problem

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)
Language = Literal[LANGUAGE_CODES]  # type: ignore[valid-type]
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20


def common_fields(language="language", modified_since=True):
    """Paging, language and `modified_since`, shared by every listing."""
    fields = {
        language: (
            Language,
            Field(
                settings.LANGUAGE_CODE,
                description="The language of the answer: each item in its version in this "
                "language where one is published (else the original), labels in it.",
            ),
        ),
        "modified_since": (
            datetime.datetime | None,
            Field(
                None,
                description="Only items published (in any language) at or after this "
                "moment (ISO 8601; without a time zone: UTC).",
            ),
        ),
        "page": (int, Field(1, ge=1, le=100_000, description="Page number, from 1.")),
        "page_size": (
            int,
            Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Items per page."),
        ),
    }
    if not modified_since:
        del fields["modified_since"]
    return fields


def facet_fields(definitions, examples=None):
    """One repeatable parameter per facet (`?area=health&area=housing`)."""
    fields = {}
    for definition in definitions:
        kind = {
            facet_module.YEAR: "years (YYYY)",
            facet_module.MONTH: "months (YYYY-MM)",
        }.get(definition.kind, "codes")
        fields[definition.param] = (
            list[str] | None,
            Field(
                None,
                description=f"{definition.label}: {kind}, as in the listing's filter; "
                "repeat the parameter for several (any of them matches). Codes and labels: "
                "/api/v1/taxonomy and each listing's `facets`.",
            ),
        )
    return fields


def query_schema(name, definitions=(), common=None, **extra):
    """A ninja query Schema: the facets of `definitions`, the common fields (paging, language,
    modified_since: `common_fields(**common)`) and `extra` fields ({name: (type, Field())})."""
    fields = {**extra, **facet_fields(definitions), **common_fields(**(common or {}))}
    return create_model(name, __base__=Schema, **fields)


def page_of(paginator, number):
    """Page `number`, or a 404 problem past the last page."""
    if number > paginator.num_pages:
        raise Problem(404, f"There is no page {number}: the last page is {paginator.num_pages}.")
    return paginator.page(number)


def known_values(definition):
    """The codes a facet accepts, or None when its values are checked by their form."""
    if definition.kind in (facet_module.YEAR, facet_module.MONTH):
        return None
    if definition.model is not None:
        return set(terms_by_code(definition.model))
    return {str(value) for value, _label in definition.choices}


def check_query(query, schema, definitions):
    """Refuse unknown parameters and facet values that the listing would silently ignore;
    then the selection is exactly the listing's (`portal.facets.selection`)."""
    errors = []
    allowed = set(schema.model_fields)
    for name in query:
        if name not in allowed:
            errors.append({"parameter": name, "message": "Unknown parameter."})
    for definition in definitions:
        values = query.getlist(definition.param)
        if not values:
            continue
        if len(values) > facet_module.MAX_VALUES:
            errors.append(
                {
                    "parameter": definition.param,
                    "message": f"At most {facet_module.MAX_VALUES} values.",
                }
            )
            continue
        well_formed = set(definition.clean(values))
        known = known_values(definition)
        bad = [v for v in values if v not in well_formed or (known is not None and v not in known)]
        if bad:
            shown = ", ".join(repr(value[:40]) for value in bad[:5])
            errors.append({"parameter": definition.param, "message": f"Unknown value: {shown}."})
    if errors:
        names = ", ".join(sorted({error["parameter"] for error in errors}))
        raise Problem(400, f"Invalid parameters: {names}.", errors)
    return facet_module.selection(query, definitions)


def aware(moment):
    """A `modified_since` without a time zone is UTC."""
    if moment is not None and timezone.is_naive(moment):
        return moment.replace(tzinfo=datetime.UTC)
    return moment
