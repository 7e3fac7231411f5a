"""A listing's feeds and its "Save this search" / "Follow" box (see portal.following)."""

from django import template
from django.utils.translation import gettext as _

from portal.following import clean_query

register = template.Library()


def _feed_urls(request, base):
    query = clean_query(request.GET)
    suffix = f"?{query}" if query else ""
    return base + "feed.rss" + suffix, base + "feed.atom" + suffix


def default_name(context, fallback):
    """A name for the search from its words and chosen filters ("“housing” · Country: Sweden")."""
    parts = [f"“{context['query']}”"] if context.get("query") else []
    parts += [
        f"{item['facet'].label}: {item['option'].label}"
        for item in context.get("active_filters") or ()
    ]
    return " · ".join(parts)[:120] or fallback


@register.inclusion_tag("includes/feed_links.html", takes_context=True)
def feed_links(context, base, title):
    """`<link rel="alternate">` to the listing's RSS and Atom feeds, for the page's head."""
    rss, atom = _feed_urls(context["request"], base)
    return {"rss": rss, "atom": atom, "title": title}


@register.inclusion_tag("includes/follow_box.html", takes_context=True)
def follow_box(context, kind, base, fallback_name):
    """ "Subscribe" (RSS, Atom) and, for signed-in readers, a one-click "Save this search"."""
    request = context["request"]
    rss, atom = _feed_urls(request, base)
    return {
        "request": request,
        "user": context.get("user"),
        "csrf_token": context.get("csrf_token"),
        "kind": kind,
        "query": clean_query(request.GET),
        "name": default_name(context, fallback_name or _("All")),
        "rss": rss,
        "atom": atom,
    }
