from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .organisations import Organisation


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Membership.Status.ACTIVE)

    def pending(self):
        return self.filter(status=Membership.Status.PENDING)

    def managers(self):
        return self.active().filter(role=Membership.Role.MANAGER)


class Membership(models.Model):
    """A person's membership of an organisation: asked for, then accepted by a manager or editor.

    Members write and submit their organisation's practices; managers also accept new members.
    """

    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        MANAGER = "manager", _("Manager")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        ACTIVE = "active", _("Active")
        REFUSED = "refused", _("Refused")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    message = models.TextField(_("message"), blank=True, max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    @property
    def is_manager(self):
        return self.is_active and self.role == self.Role.MANAGER
