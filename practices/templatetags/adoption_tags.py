"""The practice page's adoptions: the practices it took up, those that took it up, and
whether the reader may send a request (a signed-in member of another organisation)."""

from django import template

from portal.i18n import current_language
from portal.permissions import organisations_of

from .. import adoptions

register = template.Library()


@register.simple_tag(takes_context=True)
def adoption_links(context, page):
    """{adapted_from, adopted_in, places, may_request} for `practices/_adoption_box.html`."""
    user = context["request"].user
    took_up, adopted_in = adoptions.links_of([page], current_language())[page.translation_key]
    return {
        "adapted_from": took_up,
        "adopted_in": adopted_in,
        "places": ", ".join(link.place for link in adopted_in),
        "may_request": organisations_of(user).exclude(pk=page.organisation_id).exists(),
    }
