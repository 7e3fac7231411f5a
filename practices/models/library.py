"""The practice library page (one per language)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Locale, Page

from portal import exports, locales
from portal.feeds import FEED_ITEMS, feed_response
from portal.i18n import ServesOtherLocalesMixin
from portal.site_tree import ViewRestrictionsMixin

from ..exports import library_export
from ..feed_items import newest
from ..library import build_listing
from .practice import PracticePage


class PracticeIndexPage(ViewRestrictionsMixin, ServesOtherLocalesMixin, RoutablePageMixin, Page):
    """The practice library: every published practice, with filters, counts and sorting, and
    RSS/Atom feeds of any combination of filters (feed.rss, feed.atom)."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["practices.PracticePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("practice library")

    @classmethod
    def for_language(cls, code):
        """The library in that language, where a practice written in it is created (made
        through wagtail-localize on first use), or the default language's library."""

        def find(language):
            return cls.objects.filter(locale__language_code=language).order_by("path").first()

        library = find(code)
        if library is None and Locale.objects.filter(language_code=code).exists():
            locales.provision(languages=[code])
            library = find(code)
        return library or find(settings.LANGUAGE_CODE)

    @path("")
    def listing(self, request):
        """The library, or its results as a download (`?export=csv|json|xlsx`)."""
        export_format = exports.requested_format(request)
        if export_format is None:
            return exports.bad_format()
        if export_format:
            return library_export(request, export_format, self.slug)
        return self.render(request)

    @path("feed.<str:feed_type>/")
    def feed(self, request, feed_type):
        """The newest practices the library shows with these filters, as RSS or Atom."""
        language = getattr(request, "LANGUAGE_CODE", None) or self.locale.language_code
        return feed_response(
            request,
            feed_type,
            title=str(_("Integra: good practices")),
            link=self.get_url(request) + (f"?{request.GET.urlencode()}" if request.GET else ""),
            description=str(_("The newest good practices matching these filters.")),
            items=newest(request.GET, language, FEED_ITEMS, request),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(build_listing(request, PracticePage))
        context["listing_url"] = self.get_url(request)
        return context
