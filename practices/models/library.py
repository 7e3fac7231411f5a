"""The practice library page (one per language) and the revision its facet index follows."""

import uuid
from io import StringIO

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, Page

from portal.i18n import ServesOtherLocalesMixin


class LibraryRevision(models.Model):
    """Changes whenever anything the library's filters depend on changes (see library.py)."""

    token = models.UUIDField(default=uuid.uuid4)

    def __str__(self):
        return str(self.token)

    @classmethod
    def current(cls):
        return cls.objects.values_list("token", flat=True).first()

    @classmethod
    def bump(cls):
        if not cls.objects.update(token=uuid.uuid4()):
            cls.objects.create()


class PracticeIndexPage(ServesOtherLocalesMixin, Page):
    """The practice library: every published practice, with filters, counts and sorting."""

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
        from django.conf import settings
        from django.core.management import call_command

        def find(language):
            return cls.objects.filter(locale__language_code=language).order_by("path").first()

        library = find(code)
        if library is None and Locale.objects.filter(language_code=code).exists():
            call_command("sync_locales", languages=code, stdout=StringIO())
            library = find(code)
        return library or find(settings.LANGUAGE_CODE)

    def get_context(self, request, *args, **kwargs):
        from ..library import build_library

        context = super().get_context(request, *args, **kwargs)
        context.update(build_library(self, request))
        return context
