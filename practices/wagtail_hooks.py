"""What practices contribute to the Wagtail hooks: home-page and organisation-profile sections,
their demo content, and the editors' import."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from portal.api.core import API_SECTIONS, ApiSection
from portal.catalog import OPEN_DATASETS
from portal.demo import DEMO_CONTENT
from portal.following import FOLLOWABLE
from portal.i18n import best_versions, current_language
from portal.listing import paginate
from portal.sections import (
    FOOTER_LINKS,
    FUNDING_SECTIONS,
    HOME_SECTIONS,
    ORGANISATION_SECTIONS,
    Section,
)
from portal.site_tree import site_tree
from submissions.wagtail_hooks import EditorMenuItem

from . import (
    adoptions,
    api,
    catalog,
    confirmation,
    locales,  # noqa: F401 (it registers the locale hooks)
)
from .choices import RequestStatus
from .following import followable_practices
from .import_views import ImportRunView, ImportView
from .library import facet_index, index_facets
from .models import AdoptionRequest, PracticeIndexPage, PracticePage
from .profile_validations import organisation_validations

LATEST = 6  # practices on the home page


def _home_context(request, home):
    """The library and the reader's practices (the library's facet index), shared by the
    three home sections: looked up once per request (a copy each, so that every section adds
    its own keys)."""
    cached = getattr(request, "_practices_on_home", None)
    if cached is None or cached[0] != home.pk:
        library = site_tree(request).first_child(home, PracticeIndexPage)
        index = facet_index(PracticePage, current_language())
        cached = (home.pk, {"library": library, "index": index})
        request._practices_on_home = cached
    return dict(cached[1])


def _count(request, home):
    context = _home_context(request, home)
    if context["library"] is None:
        return None
    context["practice_total"] = context["index"].size
    return context


def _areas(request, home):
    context = _home_context(request, home)
    context["action_areas"] = PracticePage.action_area_counts(context["index"])
    return context


def _latest(request, home):
    """The newest practices: the first of the facet index, re-read as listable."""
    context = _home_context(request, home)
    newest = context["index"].ids[:LATEST]
    found = PracticePage.objects.listable().for_listing().in_bulk(newest)
    context["latest_practices"] = [found[pk] for pk in newest if pk in found]
    return context


PARTNER_PAGE = "partner_page"  # the "Partner in" list's own page number beside "page"


def _organisation_practices(request, organisation):
    """The practices the organisation leads (as many as the directory counts) and those it is
    a partner in, apart: one card per practice, in the reader's best language."""
    readable = best_versions(PracticePage.objects.listable(), current_language()).for_listing()
    led = readable.filter(organisation=organisation).order_by("-first_published_at", "-pk")
    partner = (
        readable.filter(partner_organisations=organisation)
        .exclude(organisation=organisation)
        .distinct()
        .order_by("-first_published_at", "-pk")
    )
    return {
        "practices": paginate(led, request.GET.get("page")),
        "partner_practices": paginate(partner, request.GET.get(PARTNER_PAGE)),
        "partner_page": PARTNER_PAGE,
    }


SHOWN_ADOPTIONS = 10  # practices per list in an organisation's adoption section


def _organisation_adoptions(request, organisation):
    """Where the organisation's practices were taken up, what it took up from elsewhere, and
    how many requests from other organisations it answered; None when there is none."""
    language = current_language()
    readable = best_versions(PracticePage.objects.listable(), language).filter(
        organisation=organisation
    )
    adopted = [
        (page, adoptions.adopted_in(page, language))
        for page in readable.filter(adopted_elsewhere=True).order_by("-pk")[:SHOWN_ADOPTIONS]
    ]
    took_up = [
        (page, adoptions.adapted_from(page, language))
        for page in readable.filter(adapted_from__isnull=False).distinct()[:SHOWN_ADOPTIONS]
    ]
    answered = AdoptionRequest.objects.answered_by(organisation)
    context = {
        "adopted": [
            (page, links, ", ".join(link.place for link in links))
            for page, links in adopted
            if links
        ],
        "took_up": [(page, links) for page, links in took_up if links],
        "answered": answered.count(),
        "accepted": answered.exclude(status=RequestStatus.DECLINED).count(),
    }
    if not (context["adopted"] or context["took_up"] or context["answered"]):
        return None
    return context


@hooks.register(HOME_SECTIONS)
def practice_count():
    return Section(10, "practices/_home_count.html", _count, slot="hero")


@hooks.register(HOME_SECTIONS)
def action_areas():
    return Section(10, "practices/_home_areas.html", _areas)


@hooks.register(HOME_SECTIONS)
def latest_practices():
    return Section(30, "practices/_home_latest.html", _latest)


@hooks.register(FOOTER_LINKS)
def dashboard_link():
    return (10, _("Monitoring dashboard"), "dashboard")


@hooks.register(ORGANISATION_SECTIONS)
def organisation_practices():
    return Section(20, "practices/_organisation_practices.html", _organisation_practices)


def _funded_practices(request, instrument):
    """How many practices the library holds with this funding instrument, by action area and
    by country: the library's own counts for `?funding=<code>`, each linking to that filter."""
    tree = site_tree(request)
    home = tree.home(request)
    library = tree.first_child(home, PracticeIndexPage) if home else None
    index = facet_index(PracticePage, current_language())
    selected = {"funding": [instrument.code]}
    facets = {facet.param: facet for facet in index_facets(index, selected)}
    return {
        "instrument": instrument,
        "library": library,
        "funded_total": index.matching(selected).bit_count(),
        "by_area": facets["area"].options,
        "by_country": facets["country"].options,
    }


@hooks.register(FUNDING_SECTIONS)
def funded_practices():
    return Section(10, "practices/_funding_practices.html", _funded_practices)


def _organisation_follow(request, organisation):
    if not organisation.is_approved:
        return None
    return {"organisation": organisation, "query": f"organisation={organisation.slug}"}


@hooks.register(ORGANISATION_SECTIONS)
def organisation_follow():
    return Section(5, "practices/_organisation_follow.html", _organisation_follow)


hooks.register(FOLLOWABLE, followable_practices)


@hooks.register(ORGANISATION_SECTIONS)
def organisation_adoptions():
    return Section(25, "practices/_organisation_adoptions.html", _organisation_adoptions)


@hooks.register(ORGANISATION_SECTIONS)
def organisation_validation_records():
    return Section(27, "practices/_organisation_validations.html", organisation_validations)


@hooks.register(DEMO_CONTENT)
def demo_practices():
    return (20, "practices.demo.generate")


@hooks.register(DEMO_CONTENT)
def demo_validations():
    return (25, "practices.demo.validations.generate")


@hooks.register(DEMO_CONTENT)
def demo_adoptions():
    return (26, "practices.demo.adoptions.generate")


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("import-practices/", ImportView.as_view(), name="practice_import"),
        path("import-practices/<int:pk>/", ImportRunView.as_view(), name="practice_import_run"),
    ]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return EditorMenuItem(
        _("Import practices"), reverse("practice_import"), icon_name="upload", order=170
    )


@hooks.register(API_SECTIONS)
def practices_api():
    return ApiSection(order=10, prefix="/practices", router=api.router)


hooks.register(OPEN_DATASETS, catalog.describe_practices)


@hooks.register("register_log_actions")
def register_confirm_action(actions):
    """The owner's "still current" confirmation, in the page's history in the admin."""
    actions.register_action(
        confirmation.LOG_ACTION,
        _("Confirm still current"),
        _("Confirmed as still current by a member of its organisation"),
    )
