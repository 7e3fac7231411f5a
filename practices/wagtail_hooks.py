"""What practices contribute to the Wagtail hooks: home-page and organisation-profile sections,
and their demo content."""

from wagtail import hooks

from portal.demo import DEMO_CONTENT
from portal.i18n import best_versions, current_language
from portal.listing import paginate
from portal.sections import HOME_SECTIONS, ORGANISATION_SECTIONS, Section

from . import locales  # noqa: F401 (it registers the locale hooks)
from .models import PracticeIndexPage, PracticePage


def _home_context(request, home):
    """The library and the reader's practices, shared by the three home sections: looked up
    once per request (a copy each, so that every section adds its own keys)."""
    cached = getattr(request, "_practices_on_home", None)
    if cached is None or cached[0] != home.pk:
        practices = best_versions(PracticePage.objects.listable(), current_language())
        library = PracticeIndexPage.objects.child_of(home).live().first()
        cached = (home.pk, {"library": library, "practices": practices})
        request._practices_on_home = cached
    return dict(cached[1])


def _count(request, home):
    context = _home_context(request, home)
    if context["library"] is None:
        return None
    context["practice_total"] = context["practices"].count()
    return context


def _areas(request, home):
    context = _home_context(request, home)
    context["action_areas"] = PracticePage.action_area_counts(context["practices"])
    return context


def _latest(request, home):
    context = _home_context(request, home)
    context["latest_practices"] = (
        context["practices"].for_listing().order_by("-first_published_at", "-pk")[:6]
    )
    return context


def _organisation_practices(request, organisation):
    practices = (
        PracticePage.objects.listable()
        .by_organisation(organisation)
        .for_listing()
        .order_by("-first_published_at", "-pk")
    )
    return {"practices": paginate(practices, request.GET.get("page"))}


@hooks.register(HOME_SECTIONS)
def practice_count():
    return Section(10, "practices/_home_count.html", _count, slot="hero")


@hooks.register(HOME_SECTIONS)
def action_areas():
    return Section(10, "practices/_home_areas.html", _areas)


@hooks.register(HOME_SECTIONS)
def latest_practices():
    return Section(30, "practices/_home_latest.html", _latest)


@hooks.register(ORGANISATION_SECTIONS)
def organisation_practices():
    return Section(20, "practices/_organisation_practices.html", _organisation_practices)


@hooks.register(DEMO_CONTENT)
def demo_practices():
    return (20, "practices.demo.generate")
