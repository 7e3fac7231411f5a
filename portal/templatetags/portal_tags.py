from django import template
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from wagtail.models import Page, Site

from babel import Locale, UnknownLocaleError
from babel.numbers import format_currency

from portal import i18n, sharing
from portal.models import StandardPage
from portal.sections import registered_footer_links
from portal.site_tree import site_tree

register = template.Library()


def _home(context):
    """The site's home page (in the default language): the menu's source of truth, with the
    site tree holding it and its children."""
    request = context.get("request")
    if request is None:
        return None, None
    tree = site_tree(request)
    site = Site.find_for_request(request)
    return (site.root_page, tree) if site else (None, None)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's children marked “show in menus”, in the reader's language."""
    home, tree = _home(context)
    if home is None:
        return []
    request = context.get("request")
    items = []
    for page in tree.public_children_of(home):
        if not page.show_in_menus:
            continue
        title, url = i18n.title_and_url(page, request)
        if not url:
            continue  # not routable (yet) in this language: leave it out, never fail
        active = bool(request and request.path.startswith(url))
        items.append({"title": title, "url": url, "active": active})
    directory = reverse("organisation_list")
    active = bool(request and request.path.startswith(directory))
    items.insert(
        min(1, len(items)), {"title": _("Organisations"), "url": directory, "active": active}
    )
    return items


@register.simple_tag(takes_context=True)
def footer_links(context):
    """Plain pages (about, accessibility, privacy) shown in the footer, then the links feature
    apps register (`portal.sections.FOOTER_LINKS`)."""
    home, tree = _home(context)
    if home is None:
        return []
    request = context.get("request")
    links = [
        dict(zip(("title", "url"), i18n.title_and_url(page, request), strict=True))
        for page in tree.public_children_of(home)
        if issubclass(page.specific_class, StandardPage)
    ]
    return [link for link in links if link["url"]] + registered_footer_links()


@register.simple_tag(takes_context=True)
def standard_page_url(context, slug):
    """The address of the plain page under the home page with this (English) slug, e.g.
    "privacy" for the privacy notice, in the reader's language; "" if there is none."""
    home, tree = _home(context)
    if home is None:
        return ""
    for page in tree.public_children_of(home):
        if page.slug == slug and issubclass(page.specific_class, StandardPage):
            return i18n.title_and_url(page, context.get("request"))[1] or ""
    return ""


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None):
    """Ancestors in the reader's language (a page served from another language's tree)."""
    page = page or context.get("page")
    request = context.get("request")
    crumbs = []
    if page is not None:
        ancestors = site_tree(request).ancestors(page) if request is not None else None
        if ancestors is None:
            ancestors = (
                Page.objects.ancestor_of(page)
                .filter(depth__gt=1)
                .order_by("depth")
                .select_related("locale")
            )
        for ancestor in ancestors:
            title, url = i18n.title_and_url(ancestor, request)
            crumbs.append({"title": title if ancestor.depth > 2 else _("Home"), "url": url})
    return {"crumbs": crumbs, "current": page.title if page else context.get("page_title")}


@register.simple_tag(takes_context=True)
def query_with(context, **kwargs):
    """The current query string with some parameters replaced, e.g. for pagination links."""
    query = context["request"].GET.copy()
    for key, value in kwargs.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return "?" + query.urlencode()


@register.simple_tag(takes_context=True)
def query_page(context, param, number, anchor=""):
    """A pagination link: the current query string with `param` (e.g. "page", or another name
    when one page has two paginated lists) set to `number`, and an optional #anchor."""
    return query_with(context, **{param or "page": number}) + (f"#{anchor}" if anchor else "")


@register.filter
def elided_range(page_obj):
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


@register.simple_tag
def rich_text_labels():
    """The formatting toolbar's labels, in the reader's language (read by rich-text.js)."""
    return {
        "bold": _("Bold"),
        "italic": _("Italic"),
        "bullets": _("Bulleted list"),
        "numbers": _("Numbered list"),
        "heading": _("Heading"),
        "link": _("Link"),
        "linkPrompt": _("Web address (https://…)"),
        "linkError": _("Enter an address starting with https:// or mailto:"),
        "addLink": _("Add link"),
        "cancel": _("Cancel"),
        "toolbar": _("Formatting"),
    }


@register.simple_tag(takes_context=True)
def reader_url(context, page, listed=False):
    """The address of a practice or event for the current reader (see portal.i18n). `listed`:
    the page is a card in a listing, where no lookup of its translations is made (listings show
    the reader's version when there is one; the listing's routing leads to it otherwise)."""
    translations = {} if listed else None
    return i18n.reader_url(page, translations=translations, request=context.get("request"))


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    page = context.get("page")
    page = page if getattr(page, "translation_key", None) else None
    return {"links": i18n.language_links(request, page), "request": request}


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    page = context.get("page")
    if page is None or not getattr(page, "translation_key", None) or not page.live:
        return []
    return i18n.alternates(context["request"], page)


@register.inclusion_tag("includes/share_meta.html", takes_context=True)
def share_meta(context, organisation=None, kind="article"):
    """OpenGraph/Twitter-card tags of the page in context, or of an organisation's profile."""
    request = context["request"]
    if organisation is not None:
        return {"share": sharing.for_organisation(request, organisation)}
    return {"share": sharing.for_page(request, context["page"], kind=kind)}


@register.simple_tag
def language_name(code):
    """A language's name in the reader's language, e.g. “Swedish” or “szwedzki”."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


@register.filter
def text_direction(code):
    """“rtl” or “ltr” for a language code, for content whose language differs from the page's."""
    try:
        return "rtl" if get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


@register.filter
def money(amount, currency):
    """An amount in a currency, formatted for the reader's language (Babel), no cents:
    “450 000 kr” in Swedish, “450.000 SEK” in German, “SEK 450,000” in English."""
    if amount is None:
        return ""
    try:
        pattern = Locale.parse(i18n.current_language()).currency_formats["standard"].pattern
        whole = pattern.split(";")[0].replace(".00", "").replace(",00", "")
        return format_currency(
            amount, currency, whole, locale=i18n.current_language(), currency_digits=False
        )
    except (ValueError, LookupError, UnknownLocaleError):
        return f"{amount} {currency}"
