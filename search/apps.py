from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "portal_search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: both read models, which are loaded only now.
        from . import indexing, registry

        registry.autodiscover()  # every installed app's `search` module registers its types
        indexing.connect()
