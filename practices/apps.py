from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from submissions import registry


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Good practices")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Models and views can be imported only once the app registry is ready.
        from . import signals
        from .models import PracticePage
        from .views import PracticeSubmissionViews

        signals.connect()
        registry.register(
            PracticePage, views=PracticeSubmissionViews, kind="practices", label=_("Practices")
        )
