"""Sections that feature apps contribute to pages of the base (the home page, organisation
profiles), found through Wagtail hooks, so that `portal` never imports a feature:

    @hooks.register(HOME_SECTIONS)
    def latest_practices():
        return Section(order=30, template="practices/_home_latest.html", context=latest)

`context(request, obj)` returns the template's context, or None to leave the section out.
Home sections go in the "main" slot or the "hero" slot (under the search box). Funding
instrument pages (`portal.funding`) take sections too: the practices an instrument financed,
its open calls for proposals.

Feature apps also add links to the footer of every page (`FOOTER_LINKS`: a function returning
`(order, title, url name)`), such as the practices' monitoring dashboard.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

from wagtail import hooks

from portal.site_tree import site_tree

HOME_SECTIONS = "register_home_section"
ORGANISATION_SECTIONS = "register_organisation_section"
FUNDING_SECTIONS = "register_funding_section"  # a funding instrument's page
FOOTER_LINKS = "register_footer_link"


@dataclass(frozen=True)
class Section:
    order: int
    template: str
    context: Callable
    slot: str = "main"


def render_sections(hook_name, request, obj):
    """{slot: [rendered HTML]} of every registered section with something to show, in order."""
    site_tree(request)  # the sections link to pages: read the site root paths once
    slots = {}
    for section in sorted((fn() for fn in hooks.get_hooks(hook_name)), key=lambda s: s.order):
        context = section.context(request, obj)
        if context is None:
            continue
        html = render_to_string(section.template, context, request=request)
        slots.setdefault(section.slot, []).append(mark_safe(html))  # noqa: S308 (our templates)
    return slots


def registered_footer_links():
    """[{"title", "url"}] of the footer links feature apps register, in order."""
    links = sorted(fn() for fn in hooks.get_hooks(FOOTER_LINKS))
    return [{"title": title, "url": reverse(name)} for _order, title, name in links]
