from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import pagecache, signals
        from .csv import protect_wagtail_exports

        signals.connect()
        pagecache.connect()
        protect_wagtail_exports()
