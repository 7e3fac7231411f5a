"""Which version of a page a reader gets, and where the language switcher leads.

Content is translated with wagtail-localize: a translation is a page in another locale sharing
the source's `translation_key`. Readers see, for every practice or event, the version in their
language if there is one, else the default-language version, else the original. A page with no
translation in the reader's language is still opened under the reader's language prefix (the
listing pages route to it), so the interface stays in their language, with a notice.
"""

import functools

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language, get_language_info

from wagtail.models import Page
from wagtail.url_routing import RouteResult

from babel import Locale, UnknownLocaleError

from portal.page_queries import public
from portal.site_tree import site_tree


def best_versions(qs, language):
    """Keep one version per translation group: the reader's language, else the default
    language, else the earliest one."""
    return qs.filter(best_version(qs.model, language))


def best_version(model, language):
    """The condition of `best_versions`, e.g. to annotate each version with it."""
    live = public(model.objects.live())  # a restricted translation must not hide the original
    key = OuterRef("translation_key")
    has_reader = live.filter(translation_key=key, locale__language_code=language)
    has_default = live.filter(translation_key=key, locale__language_code=settings.LANGUAGE_CODE)
    has_earlier = live.filter(translation_key=key, pk__lt=OuterRef("pk"))
    return (
        Q(locale__language_code=language)
        | (~Exists(has_reader) & Q(locale__language_code=settings.LANGUAGE_CODE))
        | (~Exists(has_reader) & ~Exists(has_default) & ~Exists(has_earlier))
    )


def best_language(languages, language=None):
    """The language of the version `best_versions` shows a reader of `language`, among a
    translation group's `languages` (earliest version first); without `language`, the one
    shown to readers of a language the group lacks."""
    if language in languages:
        return language
    if settings.LANGUAGE_CODE in languages:
        return settings.LANGUAGE_CODE
    return languages[0]


def current_language():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def title_and_url(page, request=None):
    """(title, address) of a page for the reader: its version in the reader's language if
    there is one (no query for the home page and its children, which the site tree holds;
    none when the page is in that language)."""
    language = current_language()
    if page.locale.language_code == language:
        return page.title, page.get_url(request)
    tree = site_tree(request) if request is not None else None
    if tree is not None and tree.language == language and tree.holds(page):
        version = tree.reader_version(page)
        translations = {language: version} if version else {}
    else:
        translations = versions(page, request)
    title = translations.get(language, page).title
    return title, reader_url(page, language, translations, request)


def reader_url(page, language=None, translations=None, request=None):
    """The address a reader of `language` should open for `page`: its translation if there is
    one, else the page itself under the reader's language prefix (served by the listings'
    and home page's routing, in the reader's interface, with a notice). With `request`,
    Wagtail reads the site root paths once per request instead of once per link."""
    language = language or current_language()
    url = page.get_url(request)
    if page.locale.language_code == language:
        return url
    if translations is None:
        translations = versions(page, request)
    if language in translations:
        return translations[language].get_url(request)
    if not url:
        return url
    # translate_url resolves under the active language: resolve the page's URL in its own.
    with translation.override(page.locale.language_code):
        return translate_url(url, language)


def translated_versions(page):
    """Live, public translations of a page (itself included), with their locales: a login-,
    password- or group-restricted translation is never linked (hreflang, switcher)."""
    return (
        public(Page.objects.live())
        .filter(translation_key=page.translation_key)
        .select_related("locale")
    )


def versions(page, request=None):
    """{language: version} of the page's live, public versions (itself included), read once
    per request (the switcher and the hreflang links both need them; the site tree holds the
    home page's)."""
    memo = None
    if request is not None:
        memo = request.__dict__.setdefault("_page_versions", {})
        if page.pk in memo:
            return memo[page.pk]
    found = site_tree(request).versions(page) if request is not None else None
    if found is None:
        found = {p.locale.language_code: p for p in translated_versions(page)}
    if memo is not None:
        memo[page.pk] = found
    return found


@functools.cache
def own_name(code):
    """A language's name in that language, capitalised as a menu item ("Čeština", "Dansk",
    "Hrvatski"), from CLDR (Babel); Django's `name_local` is inconsistent ("česky")."""
    try:
        name = Locale.parse(code).get_display_name(code)
    except (ValueError, UnknownLocaleError):
        name = None
    name = name or get_language_info(code)["name_local"]
    return name[:1].upper() + name[1:]


def language_links(request, page=None):
    """The language switcher: one link per language, to the reader's best page in it, with
    the same query string (the library's and the events' filters, the month shown)."""
    translations = {}
    if page is not None and getattr(page, "translation_key", None) and page.pk:
        translations = versions(page, request)
    current = current_language()
    query = request.GET.urlencode()
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        if page is not None and page.pk:
            url = reader_url(page, code, translations, request) if page.live else ""
            if url and query:
                url = f"{url}?{query}"
            available = code in translations
        else:
            url = translate_url(request.get_full_path(), code)
            available = True
        links.append(
            {
                "code": code,
                "name": own_name(code),
                "url": url or translate_url(request.get_full_path(), code),
                "current": code == current,
                "available": available,
                "bidi": info["bidi"],
            }
        )
    return links


def alternates(request, page):
    """hreflang alternates: every published translation, and x-default."""
    found = versions(page, request)
    links = [
        {"hreflang": code, "href": request.build_absolute_uri(p.get_url(request))}
        for code, p in sorted(found.items())
    ]
    default = found.get(settings.LANGUAGE_CODE) or (page if page.live else None)
    if default is not None:
        links.append(
            {"hreflang": "x-default", "href": request.build_absolute_uri(default.get_url(request))}
        )
    return links


class ServesOtherLocalesMixin:
    """For listing pages (practice library, events): a child that exists only in another
    language is served here too, under the reader's language prefix, with the reader's
    interface; its canonical address stays its own. A child with a version in this language
    (under another slug) is served in that version."""

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            if not path_components:
                raise
        others = sorted(
            self.get_translations().live().select_related("locale"),
            key=lambda p: p.locale.language_code != settings.LANGUAGE_CODE,
        )
        for listing in others:
            child = listing.get_children().live().filter(slug=path_components[0]).specific().first()
            if child is None:
                continue
            translation = child.get_translation_or_none(self.locale_id)
            if (
                translation is not None
                and translation.live
                and not translation.get_view_restrictions().exists()
                and not path_components[1:]
            ):
                return RouteResult(translation.specific)  # it has a version in this language
            return child.route(request, path_components[1:])
        raise Http404
