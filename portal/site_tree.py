"""The top of the page tree, read in one query per request.

Every reader's page needs the same few pages: the site's home page in each language (Wagtail's
site root paths, from which every page address is built), and the home page's children (the
menu, the footer, breadcrumbs, the listings the home sections link to, the first step of
routing). Read one by one they cost a query each, several times over: here they are read once,
with the sites, in the default and the reader's language, and kept on the request.

`route(request, path)` routes a request as Wagtail does (`Page.route_for_request`), starting
from the tree: a practice or an event costs one query (its own row, with what its page shows),
a page under the home page one query (`.specific`). Whatever the tree does not hold (a page in
another language's tree, a draft, a sub-route of a routable page) is left to Wagtail's routing,
so the result is always the one Wagtail would give.
"""

from django.conf import settings
from django.db.models import Exists, F, Q
from django.db.models.expressions import RawSQL
from django.http import Http404
from django.http.request import split_domain_port
from django.urls import Resolver404
from django.utils.translation import get_language

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import SiteRootPath

from portal.page_queries import restricted


class SiteTree:
    """Every site's home page in every language, and their live children in the default and
    the reader's language (`language`)."""

    def __init__(self, rows, language):
        self.language = language
        self.sites = {}
        pages = {}
        for page in rows:  # a page is read once per site rooted at it
            pages.setdefault(page.pk, page)
            if page.tree_site_id is not None:
                self.sites[page.tree_site_id] = Site(
                    id=page.tree_site_id,
                    hostname=page.tree_site_hostname,
                    port=page.tree_site_port,
                    is_default_site=page.tree_site_is_default,
                    root_page=pages[page.pk],
                )
        self.restrictions = bool(rows and rows[0].any_restriction)
        for page in pages.values():
            page._site_has_view_restrictions = self.restrictions  # see ViewRestrictionsMixin
        keys = {site.root_page.translation_key for site in self.sites.values()}
        self.homes = [page for page in pages.values() if page.translation_key in keys]
        home_paths = {home.path for home in self.homes}
        self.children = [
            page
            for page in pages.values()
            if page.translation_key not in keys and page.path[: -page.steplen] in home_paths
        ]

    # -- Wagtail's site lookups ------------------------------------------------------------

    def site_for(self, request):
        """Wagtail's `Site.find_for_request()` (`wagtail.models.sites.get_site_for_hostname`):
        the site with the request's hostname and port, else with its hostname if it is the
        default or the only one, else the default site."""
        hostname = split_domain_port(request._get_raw_host())[0]
        port = str(request.get_port())

        def match(site):
            if site.hostname == hostname:
                return 0 if str(site.port) == port else 1 if site.is_default_site else 3
            return 2

        candidates = sorted(
            (s for s in self.sites.values() if s.hostname == hostname or s.is_default_site),
            key=match,
        )
        if not candidates:
            return None
        if len(candidates) == 1 or match(candidates[0]) < 2:
            return candidates[0]
        if match(candidates[0]) == 2:
            return candidates[len(candidates) == 2]
        return None

    def root_paths(self):
        """Wagtail's `Site.get_site_root_paths()`: each site's home page in every language,
        the most specific path first."""
        sites = sorted(self.sites.values(), key=lambda site: site.hostname)
        sites.sort(key=lambda site: site.is_default_site, reverse=True)
        sites.sort(key=lambda site: site.root_page.url_path, reverse=True)
        return [
            SiteRootPath(site.id, home.url_path, site.root_url, home.locale.language_code)
            for site in sites
            for home in self.homes
            if home.translation_key == site.root_page.translation_key
        ]

    # -- pages -------------------------------------------------------------------------------

    def localized(self, root):
        """Wagtail's `root.localized`: the home page in the active language if it is live."""
        try:
            language = get_supported_content_language_variant(get_language())
        except LookupError:
            return root
        for home in self.homes:
            if home.translation_key == root.translation_key and home.locale.language_code == (
                language
            ):
                return home if home.live else root
        return root

    def home(self, request):
        """The home page of the request's site, in the reader's language if it is live."""
        site = self.site_for(request)
        return self.localized(site.root_page) if site else None

    def children_of(self, parent):
        """The live children of a home page (of this tree's two languages)."""
        return [page for page in self.children if page.path[: -page.steplen] == parent.path]

    def public_children_of(self, parent):
        return [page for page in self.children_of(parent) if not page.is_restricted]

    def first_child(self, parent, model):
        """`model.objects.child_of(parent).live().first()`."""
        return next(
            (p for p in self.children_of(parent) if issubclass(p.specific_class, model)), None
        )

    def ancestors(self, page):
        """The page's ancestors below the tree's root, nearest last, if the tree holds them."""
        held = {held.path: held for held in (*self.homes, *self.children)}
        paths = [page.path[:end] for end in range(2 * page.steplen, len(page.path), page.steplen)]
        if all(path in held for path in paths):
            return [held[path] for path in paths]
        return None

    def holds(self, page):
        """Whether `page` is a home page or a child of one here: then its version in the
        reader's language, if it has one, is here too."""
        return any(page.pk == held.pk for held in (*self.homes, *self.children))

    def reader_version(self, page):
        """The live, public version in the reader's language of a page the tree holds, or
        None."""
        for candidate in (*self.homes, *self.children):
            if (
                candidate.translation_key == page.translation_key
                and candidate.locale.language_code == self.language
                and candidate.live
                and not candidate.is_restricted
            ):
                return candidate
        return None

    def versions(self, page):
        """{language: version} of a home page's live, public versions; None for other pages
        (the tree holds them in two languages only)."""
        if not any(home.pk == page.pk for home in self.homes):
            return None
        return {
            home.locale.language_code: home
            for home in self.homes
            if home.translation_key == page.translation_key and home.live and not home.is_restricted
        }

    # -- routing -----------------------------------------------------------------------------

    def route(self, request, home, components):
        """Wagtail's `home.route(request, components)`, from the tree."""
        child = None
        if components:
            child = next((p for p in self.children_of(home) if p.slug == components[0]), None)
        if child is None:
            return _specific(home).route(request, components)
        child._cached_parent_obj = home
        rest = components[1:]
        page = _leaf(child, rest) if rest else None
        if page is not None:
            page._cached_parent_obj = child
            page._site_has_view_restrictions = self.restrictions
            try:
                return page.route(request, rest[1:])
            except Http404:
                pass  # the listing may serve another version there (ServesOtherLocalesMixin)
        return _specific(child).route(request, rest)


def _specific(page):
    """`page.specific`, with the locale the tree read with it."""
    specific = page.specific
    specific.locale = page.locale
    return specific


def _leaf(parent, components):
    """The child of `parent` named by `components[0]`, read as its page type with what its
    page shows, when `parent` allows one page type only (a practice, an event); else None."""
    cls = parent.specific_class
    if cls is None:
        return None
    if issubclass(cls, RoutablePageMixin):
        try:  # the parent's own sub-routes come before its children (RoutablePageMixin.route)
            cls.get_resolver().resolve("/" + "/".join(components) + "/")
        except (Http404, Resolver404):
            pass
        else:
            return None
    models = cls.allowed_subpage_models()
    if len(models) != 1:
        return None
    model = models[0]
    return (
        model.objects.filter(
            path__startswith=parent.path, depth=parent.depth + 1, slug=components[0]
        )
        .select_related("locale", *getattr(model, "served_with", ()))
        .first()
    )


class ViewRestrictionsMixin:
    """For page types: no query for view restrictions when the site tree found that no page
    has any (Wagtail checks them on every page it serves)."""

    def get_view_restrictions(self):
        if getattr(self, "_site_has_view_restrictions", True):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()


def children_of_homes():
    """Ids of the children of every site's home pages, as SQL: a range of the tree's paths
    below each home page, which the path index answers (the ORM cannot join a page to its
    children)."""
    page, site = Page._meta.db_table, Site._meta.db_table
    return RawSQL(  # noqa: S611 (no outside input: model table names and a constant)
        f"SELECT child.id FROM {page} home JOIN {page} child"  # noqa: S608
        " ON child.path > home.path AND child.path <= home.path || %s"
        " AND child.depth = home.depth + 1"
        f" WHERE home.translation_key IN (SELECT root.translation_key FROM {site} site"
        f" JOIN {page} root ON root.id = site.root_page_id)",
        ["Z" * Page.steplen],
    )


def read(language):
    """The tree's pages, each with the sites rooted at it (a row per site)."""
    roots = Site.objects.values("root_page__translation_key")
    languages = Q(locale__language_code__in={settings.LANGUAGE_CODE, language}) | Q(
        locale__in=Site.objects.values("root_page__locale")
    )
    children = Q(pk__in=children_of_homes(), live=True) & languages
    rows = (
        Page.objects.filter(Q(translation_key__in=roots) | children)
        .select_related("locale")
        .annotate(
            tree_site_id=F("sites_rooted_here__id"),
            tree_site_hostname=F("sites_rooted_here__hostname"),
            tree_site_port=F("sites_rooted_here__port"),
            tree_site_is_default=F("sites_rooted_here__is_default_site"),
            is_restricted=restricted(),
            any_restriction=Exists(PageViewRestriction.objects.all()),
        )
        .order_by("path")
    )
    return SiteTree(list(rows), language)


def site_tree(request):
    """The tree for this request, read once; it also gives Wagtail the request's site and the
    site root paths, so that neither is looked up again."""
    tree = getattr(request, "_site_tree", None)
    if tree is None:
        tree = read((get_language() or settings.LANGUAGE_CODE).split("-")[0])
        request._site_tree = tree
        if not hasattr(request, "_wagtail_site"):
            request._wagtail_site = tree.site_for(request)
        if not hasattr(request, "_wagtail_cached_site_root_paths"):
            request._wagtail_cached_site_root_paths = tree.root_paths()
    return tree


def route(request, path):
    """Route `request` as Wagtail would and leave the result where Wagtail's page view looks
    for it (`request._wagtail_route_for_request`)."""
    if hasattr(request, "_wagtail_route_for_request"):
        return
    tree = site_tree(request)
    site = request._wagtail_site
    if site is None:
        return  # Wagtail answers: no site, no page
    components = [component for component in path.split("/") if component]
    try:
        result = tree.route(request, tree.localized(site.root_page), components)
    except Http404:
        result = None
    request._wagtail_route_for_request = result
