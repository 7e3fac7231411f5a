"""One record format for a practice: the rows of the exports and the rows the import reads
are the same fields, so that an export imports back as the same practices.

Taxonomy is given as stable codes (the import also accepts labels in any language), the
organisation by name and country, rich text as HTML. Read-only fields are exported and ignored
on import. The JSON Schema of the import (`json_schema()`) is made from the same list.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch

from portal.languages import CONTENT_LANGUAGES
from portal.models import Rendition

from .choices import (
    Continuation,
    Currency,
    EvidenceLevel,
    ImplementationLevel,
    MigrantParticipation,
    ValidationCriterion,
)
from .library import TERM_RELATIONS
from .models.practice import BODY_SECTIONS, LISTING_RENDITION, SUMMARY_MAX_LENGTH, PracticePage

STRING, TEXT, HTML, CODE, CODES, NAMES, DATE, INTEGER, NUMBER, URL = (
    "string",
    "text",
    "html",
    "code",
    "codes",
    "names",
    "date",
    "integer",
    "number",
    "url",
)


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    description: str  # for the schema: documentation in English, like the field names
    required: bool = False
    read_only: bool = False  # exported; ignored on import
    choices: tuple = ()  # the codes of a choice field
    max_length: int | None = None

    @property
    def many(self):
        return self.kind in (CODES, NAMES)


def _values(choices):
    return tuple(choices.values)


FIELDS = [
    Field(
        "id",
        STRING,
        "The practice's id in its source; with the source, what makes a rerun "
        "update the practice instead of creating a copy.",
        required=True,
        max_length=200,
    ),
    Field("url", URL, "The practice's page on this portal.", read_only=True),
    Field(
        "language",
        CODE,
        "The language it is written in.",
        required=True,
        choices=tuple(code for code, _name in CONTENT_LANGUAGES),
    ),
    Field("title", STRING, "Title.", required=True, max_length=255),
    Field(
        "summary", TEXT, "One paragraph for listings.", required=True, max_length=SUMMARY_MAX_LENGTH
    ),
    Field("organisation", STRING, "The owning organisation's name.", required=True, max_length=200),
    Field(
        "organisation_country",
        CODE,
        "The owning organisation's country (ISO code or name).",
        required=True,
    ),
    Field(
        "organisation_type",
        CODE,
        "The owning organisation's type; needed when the organisation is not on the portal yet.",
    ),
    Field("partner_organisations", NAMES, "Names of partner organisations on the portal."),
    Field("countries", CODES, "Countries (ISO codes or names).", required=True),
    Field("region_city", STRING, "Region or city.", max_length=200),
    Field(
        "implementation_level", CODE, "Implementation level.", choices=_values(ImplementationLevel)
    ),
    Field("action_areas", CODES, "Action areas.", required=True),
    Field("sub_themes", CODES, "Sub-themes (each within a chosen action area)."),
    Field("target_groups", CODES, "Target groups."),
    Field("funding_instruments", CODES, "Funding instruments."),
    Field("people_reached", INTEGER, "Number of people reached."),
    Field("start_date", DATE, "Start date (YYYY-MM-DD).", required=True),
    Field("end_date", DATE, "End date (YYYY-MM-DD); finished practices need one."),
    Field("continuation", CODE, "Status.", choices=_values(Continuation)),
    Field("budget_amount", NUMBER, "Budget."),
    Field("budget_currency", CODE, "Currency of the budget.", choices=_values(Currency)),
    *[
        Field(name, HTML, f"{name.title()} (HTML).", required=name == "approach")
        for name, _heading in BODY_SECTIONS
    ],
    Field("evidence_level", CODE, "Evidence level.", choices=_values(EvidenceLevel)),
    Field(
        "migrant_participation",
        CODE,
        "Migrant participation.",
        choices=_values(MigrantParticipation),
    ),
    Field("image_url", URL, "The main image (as shown in listings).", read_only=True),
    Field("image_credit", STRING, "Who made the main image.", read_only=True),
    Field("image_licence", STRING, "The licence of the main image.", read_only=True),
    Field("licence", URL, "The licence the practice is published under.", read_only=True),
    Field(
        "validation_status",
        CODE,
        "Expert validation: validated, expired (its re-check date passed) or empty.",
        read_only=True,
        choices=("validated", "expired"),
    ),
    Field("validated_by", STRING, "The body that validated it.", read_only=True),
    Field("validated_on", DATE, "When it was validated.", read_only=True),
    Field(
        "validation_recheck_on", DATE, "When the validation is to be re-checked.", read_only=True
    ),
    Field(
        "validation_criteria_met",
        CODES,
        "The validation criteria met.",
        read_only=True,
        choices=_values(ValidationCriterion),
    ),
    Field(
        "adapted_from",
        NAMES,
        "The practices this one took up: each the kind of link (inspired-by, adapted-from, "
        "scaled-up-from) and the practice's page, separated by a space.",
        read_only=True,
    ),
    Field(
        "adopted_in",
        NAMES,
        "The practices elsewhere that took this one up: kind of link and page, as above.",
        read_only=True,
    ),
    Field("first_published", DATE, "When it was first published.", read_only=True),
    Field("last_published", DATE, "When it was last published.", read_only=True),
]
COLUMNS = [field.name for field in FIELDS]
FIELDS_BY_NAME = {field.name: field for field in FIELDS}
IMPORTED = [field for field in FIELDS if not field.read_only]
TAXONOMY_FIELDS = (*TERM_RELATIONS, "organisation_type")


def export_queryset():
    """Public practices with everything a record needs, in a fixed number of queries."""
    return (
        PracticePage.objects.listable()
        .select_related(
            "locale",
            "organisation__organisation_type",
            "organisation__country",
            "image",
            "validation",
        )
        .prefetch_related(
            *TERM_RELATIONS,
            "partner_organisations",
            Prefetch(
                "image__renditions",
                queryset=Rendition.objects.filter(filter_spec=LISTING_RENDITION),
                to_attr="prefetched_renditions",
            ),
        )
    )


def _image_url(image, request):
    renditions = getattr(image, "prefetched_renditions", None) or []
    return request.build_absolute_uri(renditions[0].url) if renditions else ""


def _validation(practice):
    validation = getattr(practice, "validation", None)
    if validation is None:
        return {
            "validation_status": "",
            "validated_by": "",
            "validated_on": None,
            "validation_recheck_on": None,
            "validation_criteria_met": [],
        }
    return {
        "validation_status": "expired" if validation.expired else "validated",
        "validated_by": validation.body,
        "validated_on": validation.validated_on,
        "validation_recheck_on": validation.recheck_on,
        "validation_criteria_met": validation.criteria_met,
    }


def _link(link, request):
    return f"{link.kind} {link.practice.get_full_url(request)}"


def record(practice, request=None, links=((), ())):
    """The practice as a record: {field name: plain value}. `links`: its adoption links,
    (adapted from, adopted in), from `practices.adoptions.links_of`."""
    organisation = practice.organisation
    image = practice.image
    data = {
        "id": str(practice.translation_key),
        "url": practice.get_full_url(request),
        "language": practice.locale.language_code,
        "title": practice.title,
        "summary": practice.summary,
        "organisation": organisation.name,
        "organisation_country": organisation.country.code,
        "organisation_type": organisation.organisation_type.code,
        "partner_organisations": [org.name for org in practice.partner_organisations.all()],
        **{
            name: sorted(term.code for term in getattr(practice, name).all())
            for name in TERM_RELATIONS
        },
        "region_city": practice.region_city,
        "implementation_level": practice.implementation_level,
        "people_reached": practice.people_reached,
        "start_date": practice.start_date,
        "end_date": practice.end_date,
        "continuation": practice.continuation,
        "budget_amount": practice.budget_amount,
        "budget_currency": practice.budget_currency,
        **{name: getattr(practice, name) for name, _heading in BODY_SECTIONS},
        "evidence_level": practice.evidence_level,
        "migrant_participation": practice.migrant_participation,
        "image_url": _image_url(image, request) if image and request else "",
        "image_credit": image.credit if image else "",
        "image_licence": image.licence if image else "",
        "licence": practice.licence or settings.OPEN_DATA_LICENCE,
        **_validation(practice),
        "adapted_from": [_link(link, request) for link in links[0]],
        "adopted_in": [_link(link, request) for link in links[1]],
        "first_published": practice.first_published_at and practice.first_published_at.date(),
        "last_published": practice.last_published_at and practice.last_published_at.date(),
    }
    return {name: data[name] for name in COLUMNS}


SCHEMA_TYPES = {
    STRING: {"type": "string"},
    TEXT: {"type": "string"},
    HTML: {"type": "string", "contentMediaType": "text/html"},
    CODE: {"type": "string"},
    CODES: {"type": "array", "items": {"type": "string"}},
    NAMES: {"type": "array", "items": {"type": "string"}},
    DATE: {"type": ["string", "null"], "format": "date"},
    INTEGER: {"type": ["integer", "null"], "minimum": 0},
    NUMBER: {"type": ["number", "string", "null"], "minimum": 0},
    URL: {"type": "string", "format": "uri"},
}


def json_schema(schema_url):
    """The JSON Schema (2020-12) of an import file: a list of records, or {"practices": […]}."""
    properties = {}
    for field in FIELDS:
        prop = {**SCHEMA_TYPES[field.kind], "description": str(field.description)}
        if field.choices:
            prop["enum"] = list(field.choices)
            prop["description"] += " A code, or its label in any language."
        if field.max_length:
            prop["maxLength"] = field.max_length
        if field.read_only:
            prop["readOnly"] = True
        if field.kind == CODES or field.name in TAXONOMY_FIELDS:
            prop["description"] += " Codes, or labels in any language."
        properties[field.name] = prop
    practice = {
        "type": "object",
        "properties": properties,
        "required": [field.name for field in FIELDS if field.required],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_url,
        "title": "Practices to import",
        "description": (
            "Good practices for the import (manage.py import_practices or the admin). In CSV "
            "and Excel, one practice per row with these columns (the header row names them); "
            "several values in one cell are separated by semicolons. Read-only fields are "
            "exported and ignored on import."
        ),
        "oneOf": [
            {"type": "array", "items": {"$ref": "#/$defs/practice"}},
            {
                "type": "object",
                "properties": {
                    "practices": {"type": "array", "items": {"$ref": "#/$defs/practice"}}
                },
                "required": ["practices"],
            },
        ],
        "$defs": {"practice": practice},
    }
