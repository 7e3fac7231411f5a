"""What search indexes of the good practices: the declaration the search app reads (found by
`search.registry.autodiscover()` when the search app is ready)."""

from portal.models import (
    ActionArea,
    Country,
    FundingInstrument,
    Organisation,
    OrganisationType,
    Revision,
    SubTheme,
    TargetGroup,
)
from search.declarations import PageSearch, html_to_text
from search.registry import register

from .exports import records_in_order
from .facets import FACETS
from .library import facet_index
from .models import BODY_SECTIONS, PracticePage
from .records import COLUMNS

TAG_RELATIONS = ("action_areas", "sub_themes", "target_groups", "funding_instruments", "countries")


class PracticeSearch(PageSearch):
    """Good practices: one document per practice (all its translations)."""

    name = "practices"
    model = PracticePage
    default = True
    revision = Revision.PRACTICES
    facets = tuple(FACETS)
    related_models = {
        Organisation: ("organisation", "partner_organisations"),
        OrganisationType: ("organisation__organisation_type",),
        ActionArea: ("action_areas",),
        SubTheme: ("sub_themes",),
        Country: ("countries",),
        TargetGroup: ("target_groups",),
        FundingInstrument: ("funding_instruments",),
    }
    related_facets = (("theme", 3, True), ("area", 2, True), ("target", 1, False))
    expand_facets = ("area", "theme", "target", "funding")
    labels_revision = Revision.TAXONOMY
    snippet_fields = (("summary", False), *((name, True) for name, _heading in BODY_SECTIONS))
    spelling_fields = ("title", "summary")
    export_columns = tuple(COLUMNS)

    def get_queryset(self):
        return PracticePage.objects.searchable()

    def index_queryset(self):
        return (
            self.get_queryset()
            .select_related("locale", "organisation__organisation_type")
            .prefetch_related(*TAG_RELATIONS)
        )

    def results_queryset(self):
        return self.get_queryset().for_listing()

    def facet_index(self, language):
        return facet_index(PracticePage, language, self.facets)

    def export_records(self, ids, request):
        return records_in_order(ids, request)

    def prepare_summary(self, page):
        return page.summary

    def prepare_body(self, page):
        organisation = page.organisation.name if page.organisation_id else ""
        sections = (html_to_text(getattr(page, name)) for name, _heading in BODY_SECTIONS)
        return "\n".join([organisation, page.region_city or "", *sections])

    def prepare_tags(self, page):
        return [term.name for relation in TAG_RELATIONS for term in getattr(page, relation).all()]


practices = register(PracticeSearch())
