from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.api import resources
from portal.api.core import API_SECTIONS, ApiSection
from portal.demo import DEMO_CONTENT
from portal.models import (
    ActionArea,
    Country,
    FundingInstrument,
    Organisation,
    OrganisationType,
    SubTheme,
    TargetGroup,
)
from portal.task_report import BackgroundTasksView


class TermViewSet(SnippetViewSet):
    list_display = ["name", "code", "sort_order"]
    search_fields = ["name", "code"]
    ordering = ["sort_order", "name"]


class ActionAreaViewSet(TermViewSet):
    model = ActionArea
    icon = "folder-open-inverse"


class SubThemeViewSet(TermViewSet):
    model = SubTheme
    icon = "folder-inverse"
    list_display = ["name", "code", "action_area"]
    list_filter = ["action_area"]


class OrganisationTypeViewSet(TermViewSet):
    model = OrganisationType
    icon = "group"


class TargetGroupViewSet(TermViewSet):
    model = TargetGroup
    icon = "user"


class FundingInstrumentViewSet(TermViewSet):
    model = FundingInstrument
    icon = "tag"


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "site"
    list_display = ["name", "code", "group"]
    list_filter = ["group"]
    search_fields = ["name", "code"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "list-ul"
    menu_order = 300
    items = [
        ActionAreaViewSet,
        SubThemeViewSet,
        CountryViewSet,
        OrganisationTypeViewSet,
        TargetGroupViewSet,
        FundingInstrumentViewSet,
    ]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "home"
    menu_label = _("Organisations")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "status", "organisation_type", "country"]
    list_filter = ["status", "organisation_type", "country"]
    search_fields = ["name", "acronym"]


register_snippet(TaxonomyGroup)
register_snippet(OrganisationViewSet)


@hooks.register(DEMO_CONTENT)
def demo_organisations():
    return (10, "portal.demo.organisations.generate")  # first: every other generator needs them


@hooks.register(DEMO_CONTENT)
def demo_standard_pages():
    return (40, "portal.demo.standard_pages.generate")


@hooks.register("register_admin_urls")
def register_background_tasks_url():
    return [path("background-tasks/", BackgroundTasksView.as_view(), name="background_tasks")]


class AdminsOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_reports_menu_item")
def register_background_tasks_menu_item():
    return AdminsOnlyMenuItem(
        _("Background tasks"), reverse("background_tasks"), icon_name="cogs", order=900
    )


@hooks.register(API_SECTIONS)
def taxonomy_api():
    return ApiSection(order=40, prefix="/taxonomy", router=resources.taxonomy_router)


@hooks.register(API_SECTIONS)
def organisations_api():
    return ApiSection(order=30, prefix="/organisations", router=resources.organisations_router)
