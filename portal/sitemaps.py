"""The sitemap, with every address on BASE_URL (as in emails), not on the Wagtail Site's
hostname and port, which name the server the migrations set up rather than the public address."""

from wagtail.contrib.sitemaps.sitemap_generator import Sitemap as WagtailSitemap

from portal import emails
from portal.page_queries import public
from portal.site_tree import site_tree


class Sitemap(WagtailSitemap):
    def items(self):
        """Wagtail's, with `public()` as a subquery (portal.page_queries)."""
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True).live()
        return public(pages).order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        site_tree(self.request)  # the site root paths, once
        urls = super()._urls(page, protocol, domain)
        for url_info in urls:
            url_info["location"] = emails.absolute(url_info["location"])
            for alternate in url_info.get("alternates", ()):
                alternate["location"] = emails.absolute(alternate["location"])
        return urls
