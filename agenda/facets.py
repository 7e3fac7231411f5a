"""The events listing's filters, declared with the one faceting module."""

from django.utils.translation import gettext_lazy as _

from portal.facets import M2M, MONTH, VALUE, FacetDefinition
from portal.models import ActionArea, Country, FundingInstrument, Language

from .choices import EventFormat, EventKind

FACETS = [
    FacetDefinition("kind", _("Kind of event"), VALUE, "kind", choices=tuple(EventKind.choices)),
    FacetDefinition("area", _("Action area"), M2M, "action_areas", ActionArea),
    FacetDefinition("country", _("Country"), VALUE, "country__code", Country),
    FacetDefinition(
        "format", _("Format"), VALUE, "event_format", choices=tuple(EventFormat.choices)
    ),
    FacetDefinition("language", _("Language"), M2M, "languages", Language),
    FacetDefinition("month", _("Month"), MONTH, "start_date"),
    FacetDefinition("funding", _("Funding"), M2M, "funding_instruments", FundingInstrument),
]
