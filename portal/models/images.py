from django.core.cache import InvalidCacheBackendError, caches
from django.core.cache.backends.dummy import DummyCache
from django.db import models
from django.utils.functional import classproperty
from django.utils.translation import gettext_lazy as _

from wagtail.images.models import AbstractImage, AbstractRendition, Image

NO_CACHE = DummyCache("renditions", {})


class CustomImage(AbstractImage):
    """The portal's image library: photos and logos, each with a credit line and the licence
    it may be reused under (both part of the open data: exports and the API)."""

    credit = models.CharField(_("credit"), max_length=255, blank=True)
    licence = models.CharField(
        _("licence"),
        max_length=255,
        blank=True,
        help_text=_("The licence others may reuse the image under, e.g. CC BY 4.0."),
    )

    admin_form_fields = (*Image.admin_form_fields, "credit", "licence")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]


class Rendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

    @classproperty
    def cache_backend(cls):
        """A cache named "renditions" if one is configured (Wagtail's convention), else none:
        the default cache is the database, where looking a rendition up costs what reading the
        renditions table costs, and Wagtail writes every rendition a page shows back to it
        (five statements each), even those read with `prefetch_renditions`."""
        try:
            return caches["renditions"]
        except InvalidCacheBackendError:
            return NO_CACHE
