from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubmissionsConfig(AppConfig):
    """The editorial app: members' drafts and submissions, review, translation status."""

    name = "submissions"
    verbose_name = _("Submissions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The moderation signals' senders are models: importable once the registry is ready.
        from . import moderation

        moderation.connect()
