"""The practice library's filters, declared once for the library, search, API and dashboard."""

from django.utils.translation import gettext_lazy as _

from portal.facets import LANGUAGE, M2M, UNTIL, VALUE, YEAR, FacetDefinition
from portal.languages import CONTENT_LANGUAGES
from portal.models import (
    ActionArea,
    Country,
    FundingInstrument,
    OrganisationType,
    SubTheme,
    TargetGroup,
)

from .choices import (
    Adoption,
    Continuation,
    EvidenceLevel,
    ImplementationLevel,
    MigrantParticipation,
    Status,
    Validated,
)


def adoption_of(adopted):
    return Adoption.ADOPTED if adopted else None


def status_of(continuation):
    """The library's status: finished, or ongoing (regular services included)."""
    return Status.FINISHED if continuation == Continuation.FINISHED else Status.ONGOING


FACETS = [
    FacetDefinition("area", _("Action area"), M2M, "action_areas", ActionArea),
    FacetDefinition("theme", _("Sub-theme"), M2M, "sub_themes", SubTheme),
    FacetDefinition("country", _("Country"), M2M, "countries", Country),
    FacetDefinition(
        "text_language",
        _("Language of the text"),
        LANGUAGE,
        "locale__language_code",
        choices=tuple(CONTENT_LANGUAGES),
    ),
    FacetDefinition(
        "orgtype",
        _("Organisation type"),
        VALUE,
        "organisation__organisation_type__code",
        OrganisationType,
    ),
    FacetDefinition("target", _("Target group"), M2M, "target_groups", TargetGroup),
    FacetDefinition("funding", _("Funding"), M2M, "funding_instruments", FundingInstrument),
    FacetDefinition(
        "level",
        _("Implementation level"),
        VALUE,
        "implementation_level",
        choices=tuple(ImplementationLevel.choices),
    ),
    FacetDefinition(
        "evidence",
        _("Evidence level"),
        VALUE,
        "evidence_level",
        choices=tuple(EvidenceLevel.choices),
    ),
    FacetDefinition(
        "validated",
        _("Expert validation"),
        UNTIL,
        "validation__recheck_on",
        choices=tuple(Validated.choices),
    ),
    FacetDefinition(
        "participation",
        _("Migrant participation"),
        VALUE,
        "migrant_participation",
        choices=tuple(MigrantParticipation.choices),
    ),
    FacetDefinition(
        "status",
        _("Status"),
        VALUE,
        "continuation",
        choices=tuple(Status.choices),
        transform=status_of,
        raw_values=tuple(Continuation.values),
    ),
    FacetDefinition("year", _("Start year"), YEAR, "start_date"),
    FacetDefinition(
        "adoption",
        _("Adoption"),
        VALUE,
        "adopted_elsewhere",
        choices=tuple(Adoption.choices),
        transform=adoption_of,
        raw_values=(True, False),
    ),
]
FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}
