from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from submissions import registry


class EventsConfig(AppConfig):
    """Events. The package is `agenda` (a PyPI package called `events`, which opensearch-py
    imports, would otherwise be shadowed); the app label stays `events`, so tables, migrations,
    content types and template folders keep their names."""

    name = "agenda"
    label = "events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Models and views can be imported only once the app registry is ready.
        from .models import EventPage
        from .views import EventSubmissionViews

        registry.register(EventPage, views=EventSubmissionViews, kind="events", label=_("Events"))
