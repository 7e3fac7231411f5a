from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _


class Language(models.Model):
    """A language spoken at events (and, later, of content). Names come from Django's own
    translated language names, so they read right in every interface language."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=100)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["sort_order", "code"]

    def __str__(self):
        return self.localized_name

    @classmethod
    def facet_options(cls):
        return [(language.code, language.localized_name) for language in cls.objects.all()]

    @property
    def localized_name(self):
        try:
            return str(get_language_info(self.code)["name_translated"])
        except KeyError:
            return self.code
