from django.db import models


class PendingIndexUpdate(models.Model):
    """A translation group (all translations of a page) whose index update failed: the
    cluster was down or slow; `search_sync` catches up."""

    translation_key = models.CharField(max_length=36, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"page group {self.translation_key}"
