"""Whole pages for anonymous readers, from the shared cache, invalidated exactly.

A GET without a session (no `sessionid` or `messages` cookie, no Authorization) is answered
from Django's cache when an earlier reader got the same address. The cache key holds the
revision tokens (portal.models.revisions) that every change visible to readers bumps —
publishing, unpublishing, moving, deleting or restricting a page, an organisation, a term, a
locale, an image, a document, a site setting, a redirect — so the next request after a change,
in any language and in any process, is built afresh. `PAGE_CACHE_SECONDS` bounds what depends
on the clock alone (an event becoming past).

Never cached: signed-in users and anyone with a session, the admin and previews, pages that
use a CSRF token (forms) or set a cookie, responses marked private/no-store, errors and
redirects, streams (documents). A page's CSP nonce is replaced by a fresh one on every answer.

With a front cache (CDN, Varnish: `FRONTEND_CACHE_URL` or `WAGTAILFRONTENDCACHE`), responses
also carry `s-maxage`, and changes purge the page, its ancestors (home, libraries, listings) and
their feeds in every language and the sitemap, through Wagtail's frontend_cache (a background
task).
"""

import hashlib
import logging
import zlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse

from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.models import Organisation, Revision

logger = logging.getLogger(__name__)

NONCE_MARK = b"\x00csp-nonce\x00"
# The read API and the catalogue answer conditional requests and count requests themselves
# (portal.api.http); the catalogue's format also depends on the Accept header.
UNCACHED_PREFIXES = (
    *("/admin/", "/_util/", "/documents/", "/health/", "/csp-report/"),
    *("/api/", "/catalog"),
)
SESSION_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
DROPPED_HEADERS = {"set-cookie", "content-length"}
# Besides pages: what readers' pages show (the taxonomy has a revision of its own).
SHOWN_MODELS = (
    Organisation,
    PageViewRestriction,
    Site,
    Locale,
    Redirect,
    AbstractImage,
    AbstractDocument,
    BaseSiteSetting,
    BaseGenericSetting,
)
ENTRY_FORMAT = 2  # part of the key: entries stored by another release are never read
TOKENS = (Revision.PAGES, Revision.PRACTICES, Revision.TAXONOMY)


def _answerable(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and not request.path.startswith(UNCACHED_PREFIXES)
        and not any(name in request.COOKIES for name in SESSION_COOKIES)
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _key(request, host):
    tokens = "|".join(str(Revision.current(name)) for name in TOKENS)
    address = f"{tokens}|{request.scheme}|{host}|{request.get_full_path()}"
    return f"page{ENTRY_FORMAT}:" + hashlib.sha256(address.encode()).hexdigest()


def _language_prefixed(path):
    first = path.lstrip("/").split("/", 1)[0]
    return first in {code for code, _name in settings.LANGUAGES}


def _cacheable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_USED"):  # a form: its token belongs to one reader
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    control = response.get("Cache-Control", "")
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    vary = response.get("Vary", "").lower()
    return "accept-language" not in vary or _language_prefixed(request.path)


def _public_headers(response):
    if settings.WAGTAILFRONTENDCACHE and "Cache-Control" not in response:
        response["Cache-Control"] = f"public, max-age=0, s-maxage={settings.PAGE_CACHE_SECONDS}"


class PageCacheMiddleware:
    """Placed after WhiteNoise and before the session middleware (see settings.MIDDLEWARE)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _answerable(request):
            return self.get_response(request)
        try:
            key = _key(request, request.get_host())
        except DisallowedHost:
            return self.get_response(request)  # answered with a 400 further in
        stored = cache.get(key)
        if stored is not None:
            return self._thaw(request, stored)
        response = self.get_response(request)
        if _cacheable(request, response):
            _public_headers(response)
            cache.set(key, self._freeze(request, response), settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _freeze(request, response):
        body = response.content
        nonce = getattr(request, "_csp_nonce", None)
        if nonce:
            body = body.replace(nonce.encode(), NONCE_MARK)
        headers = [
            (name, value)
            for name, value in response.headers.items()
            if name.lower() not in DROPPED_HEADERS
        ]
        # Compressed (4-5× smaller for a library page, 0.1 ms to inflate): every filter
        # combination of every listing in 26 languages may be an entry, in the database cache's
        # table or in Redis' memory.
        return {"body": zlib.compress(body, 1), "headers": headers}

    @staticmethod
    def _thaw(request, stored):
        body = zlib.decompress(stored["body"])
        if NONCE_MARK in body:
            body = body.replace(NONCE_MARK, str(request.csp_nonce).encode())
        response = HttpResponse(body)
        for name, value in stored["headers"]:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response


# -- invalidation ---------------------------------------------------------------------------


def pages_changed(sender=None, **kwargs):
    Revision.bump(Revision.PAGES)


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        pages_changed()


def _shown_model_changed(sender, instance, **kwargs):
    if isinstance(instance, SHOWN_MODELS):
        pages_changed()
        if isinstance(instance, PageViewRestriction):
            _purge_front_cache(instance.page)


def page_changed(page):
    """`page` changed without being published (a field set in place): readers see it next."""
    pages_changed()
    _purge_front_cache(page)


def _page_published(sender, instance, **kwargs):
    page_changed(instance)


FEEDS = ("feed.rss", "feed.atom", "feed.ics")


def front_cache_urls(page):
    """What shows `page`: it and its ancestors (home, libraries, listings) with their feeds, in
    every language, and the sitemap. (Wagtail's frontend_cache purges the page itself too.)"""
    urls = set()
    for shown in [page, *page.get_ancestors().filter(depth__gt=1)]:
        for version in shown.get_translations(inclusive=True).live().specific(defer=True):
            url = version.get_full_url()
            if url:
                urls.add(url)
                if version.pk != page.pk:
                    urls.update(url + feed for feed in FEEDS)
    site = page.get_site()
    if site:
        urls.add(site.root_url + "/sitemap.xml")
    return sorted(urls)


def _purge_front_cache(page):
    if settings.WAGTAILFRONTENDCACHE:
        purge_urls_from_cache(front_cache_urls(page.specific_deferred))


def connect():
    page_published.connect(_page_published)
    page_unpublished.connect(_page_published)
    post_page_move.connect(_page_published)
    post_delete.connect(_page_deleted)
    post_save.connect(_shown_model_changed)
    post_delete.connect(_shown_model_changed)
