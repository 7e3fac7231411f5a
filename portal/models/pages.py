from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.i18n import ServesOtherLocalesMixin
from portal.sections import HOME_SECTIONS, render_sections
from portal.site_tree import ViewRestrictionsMixin


class HomePage(ViewRestrictionsMixin, ServesOtherLocalesMixin, Page):
    """The portal's front page: what Integra is for, action areas, latest practices, search."""

    heading = models.CharField(
        _("heading"),
        max_length=200,
        default="Learn from what works in integration and inclusion",
    )
    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("heading"), FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = render_sections(HOME_SECTIONS, request, self)
        return context


class StandardPage(ViewRestrictionsMixin, Page):
    """A plain content page: about the portal, accessibility statement, privacy notice…"""

    introduction = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


__all__ = ["HomePage", "StandardPage"]
