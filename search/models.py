from django.db import models


class PendingIndexUpdate(models.Model):
    """A page whose index update failed (engine down or slow); `search_sync` catches up."""

    page_id = models.PositiveBigIntegerField(unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"page {self.page_id}"
