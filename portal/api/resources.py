"""The base's own resources: the taxonomy (every term with its labels in every language) and
the organisation directory (approved organisations, as on /organisations/)."""

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.translation import get_language_info

from ninja import Field, Query, Router, Schema

from portal.models import (
    ActionArea,
    Country,
    FundingInstrument,
    Language,
    Organisation,
    OrganisationType,
    SubTheme,
    TargetGroup,
)
from portal.models.taxonomy import localized_country_name, terms_by_code

from . import schemas
from .params import Language as LanguageCode
from .params import check_query, page_of, query_schema
from .problems import Problem

LANGUAGES = [code for code, _name in settings.LANGUAGES]
TERM_MODELS = {
    "action_areas": ActionArea,
    "sub_themes": SubTheme,
    "organisation_types": OrganisationType,
    "target_groups": TargetGroup,
    "funding_instruments": FundingInstrument,
}

taxonomy_router = Router(tags=["taxonomy"])
organisations_router = Router(tags=["organisations"])


class Term(Schema):
    code: str
    labels: dict[str, str]  # {language: label}, every language (untranslated: the original)
    action_area: str | None = None  # sub-themes: the code of their action area


class Taxonomy(Schema):
    action_areas: list[Term]
    sub_themes: list[Term]
    organisation_types: list[Term]
    target_groups: list[Term]
    funding_instruments: list[Term]
    countries: list[Term]
    languages: list[Term]


def _term_labels(model):
    """Every canonical term of `model` with its name in each language (one query, and one
    for the sub-themes' action areas)."""
    names = {}
    for code, language, name in model.objects.values_list("code", "locale__language_code", "name"):
        names.setdefault(code, {})[language] = name
    areas = {}
    if model is SubTheme:
        areas = dict(model.objects.default_locale().values_list("code", "action_area__code"))
    terms = []
    for code, canonical in terms_by_code(model).items():
        labels = names.get(code, {})
        entry = {
            "code": code,
            "labels": {lang: labels.get(lang, canonical.name) for lang in LANGUAGES},
        }
        if model is SubTheme:
            entry["action_area"] = areas.get(code)
        terms.append(entry)
    return terms


def _countries():
    found = []
    for country in terms_by_code(Country).values():
        labels = {}
        for language in LANGUAGES:
            with schemas.in_language(language):
                labels[language] = localized_country_name(country.code, country.name)
        found.append({"code": country.code, "labels": labels})
    return found


def _languages():
    found = []
    for item in Language.objects.all():
        labels = {}
        for language in LANGUAGES:
            with schemas.in_language(language):
                labels[language] = str(get_language_info(item.code)["name_translated"])
        found.append({"code": item.code, "labels": labels})
    return found


@taxonomy_router.get("", response=Taxonomy, summary="Every term, with its labels in all languages")
def taxonomy(request):
    """Action areas, sub-themes, organisation types, target groups, funding instruments,
    countries and languages: each term's stable code (used by every filter) and its label in
    each of the portal's languages."""
    check_query(request.GET, Schema, ())
    answer = {name: _term_labels(model) for name, model in TERM_MODELS.items()}
    answer["countries"] = _countries()
    answer["languages"] = _languages()
    return answer


OrganisationQuery = query_schema(
    "OrganisationQuery",
    common={"modified_since": False},
    q=(str, Field("", max_length=200, description="Part of the name or acronym.")),
    country=(str, Field("", description="Country code (ISO 3166-1 alpha-2, lower case).")),
)


class OrganisationList(schemas.Listing):
    results: list[schemas.Organisation]


def _localized(organisations, language):
    """Each organisation in its version in `language`, where there is one."""
    versions = {
        version.translation_key: version
        for version in Organisation.objects.with_related().filter(
            translation_key__in=[org.translation_key for org in organisations],
            locale__language_code=language,
        )
    }
    return [versions.get(org.translation_key, org) for org in organisations]


@organisations_router.get(
    "", response=OrganisationList, summary="The directory of approved organisations"
)
def organisation_list(request, filters: Query[OrganisationQuery]):
    """As /organisations/: approved organisations by name, filtered by part of the name or
    acronym (`q`) and country, in alphabetical order."""
    check_query(request.GET, OrganisationQuery, ())
    if filters.country and filters.country not in terms_by_code(Country):
        raise Problem(
            400,
            "Invalid parameters: country.",
            [{"parameter": "country", "message": f"Unknown value: {filters.country[:40]!r}."}],
        )
    with schemas.in_language(filters.language):
        found = Organisation.objects.directory(filters.q.strip(), filters.country)
        page = page_of(Paginator(found, filters.page_size), filters.page)
        results = _localized(list(page.object_list), filters.language)
        return {
            **schemas.listing(request, page, filters.page_size, []),
            "results": [schemas.organisation(request, org) for org in results],
        }


class OneLanguage(Schema):
    language: LanguageCode = Field(settings.LANGUAGE_CODE, description="Language of the answer.")


@organisations_router.get("/{slug}", response=schemas.Organisation, summary="One organisation")
def organisation_detail(request, slug: str, filters: Query[OneLanguage]):
    check_query(request.GET, OneLanguage, ())
    found = Organisation.objects.directory().filter(slug=slug).first()
    if found is None:
        raise Problem(404, f"No approved organisation has the slug {slug[:80]!r}.")
    with schemas.in_language(filters.language):
        return schemas.organisation(request, _localized([found], filters.language)[0])
