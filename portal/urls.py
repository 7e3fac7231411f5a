from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import RedirectView, TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from portal import catalog, csp, follow_views, funding
from portal import views as portal_views
from portal.api.core import urlpatterns as api_urlpatterns
from portal.sitemaps import Sitemap as PortalSitemap
from search import views as search_views


class LoginRedirect(RedirectView):
    """Every login goes through allauth (rate limits, MFA): the admin's own form is not served."""

    pattern_name = "account_login"
    query_string = True


# Not language-specific.
urlpatterns = [
    path("admin/login/", LoginRedirect.as_view()),
    path("_util/login/", LoginRedirect.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("health/search/", search_views.health, name="search_health"),
    path("csp-report/", csp.csp_report, name="csp_report"),
    path("", include("practices.open_data_urls")),
    *api_urlpatterns(),
    path("catalog", catalog.catalog_view, name="catalog"),
    re_path(r"^catalog\.(?P<suffix>ttl|jsonld|rdf)$", catalog.catalog_view, name="catalog_file"),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": PortalSitemap}}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
]

if settings.SERVE_MEDIA:
    from django.views.static import serve

    # Only renditions (and other public files): documents go through Wagtail's serve view,
    # which checks who may read them (submissions.documents); original images are never
    # served, so a draft's photo cannot be fetched by its stored name.
    urlpatterns += [
        re_path(
            r"^media/(?P<path>(?!documents/|original_images/).*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]

# Everything a reader sees, under a language prefix: /en/, /pl/, /ar/…
urlpatterns += i18n_patterns(
    path("accounts/delete/", portal_views.delete_account, name="account_delete"),
    path("accounts/saved-searches/", follow_views.saved_searches, name="saved_searches"),
    path("accounts/saved-searches/save/", follow_views.save_search, name="save_search"),
    path("accounts/", include("allauth.urls")),
    path("alerts/unsubscribe/<str:token>/", follow_views.unsubscribe, name="alerts_unsubscribe"),
    path("search/", search_views.search, name="search"),
    path("search/feed.rss", search_views.feed, {"feed_type": "rss"}, name="search_feed_rss"),
    path("search/feed.atom", search_views.feed, {"feed_type": "atom"}, name="search_feed_atom"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("sitemap/", portal_views.sitemap_page, name="sitemap_page"),
    path("organisations/", portal_views.organisation_list, name="organisation_list"),
    path("organisations/new/", portal_views.organisation_propose, name="organisation_propose"),
    path(
        "organisations/<slug:slug>/",
        portal_views.organisation_detail,
        name="organisation_detail",
    ),
    path(
        "organisations/<slug:slug>/join/", portal_views.organisation_join, name="organisation_join"
    ),
    path(
        "organisations/<slug:slug>/members/",
        portal_views.organisation_members,
        name="organisation_members",
    ),
    path("funding/", funding.funding_list, name="funding_list"),
    path("funding/<slug:code>/", funding.funding_detail, name="funding_detail"),
    path("", include("submissions.urls")),
    path("", include("practices.urls")),
    path("", include("agenda.urls")),
    # Wagtail's page URLs have no dots; let routable pages serve event.ics, feed.ics, feed.rss…
    re_path(r"^((?:[\w\-]+/)*[\w\-]+\.(?:ics|rss|atom))$", portal_views.serve),
    # Wagtail's page view, routed from the site tree (Wagtail's own _util/ views excepted),
    # under Wagtail's name, so that page addresses and translate_url() work as before.
    re_path(
        "^(?!_util/)" + serve_pattern.removeprefix("^"), portal_views.serve, name="wagtail_serve"
    ),
    path("", include(wagtail_urls)),
)
