"""Who may do what: organisation membership and the editor role, in one place.

Members (active membership) write and submit their organisation's practices and events; managers
also accept members; editors (the "Editors" group) and superusers review and publish. The Wagtail
admin is for editors only: members never get `wagtailadmin.access_admin`.
"""

from django.contrib.auth import get_user_model

from portal.models import Membership, Organisation

EDITORS_GROUP = "Editors"


def is_editor(user):
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_integra_is_editor", None)
    if cached is None:
        cached = user.groups.filter(name=EDITORS_GROUP).exists()
        user._integra_is_editor = cached
    return cached


def editors():
    """Who editorial mail goes to: the active members of the Editors group or, while it has
    none, the active superusers (so that a proposal or an enquiry never goes unread)."""
    users = get_user_model().objects.filter(is_active=True)
    members = users.filter(groups__name=EDITORS_GROUP)
    return members if members.exists() else users.filter(is_superuser=True)


def organisations_of(user):
    """Approved organisations the user is an active member (or manager) of."""
    if not (user and user.is_authenticated):
        return Organisation.objects.none()
    return Organisation.objects.approved().filter(
        memberships__user=user, memberships__status=Membership.Status.ACTIVE
    )


def _membership(user, organisation):
    if not (user and user.is_authenticated and organisation):
        return None
    cache = user.__dict__.setdefault("_integra_memberships", {})
    if organisation.pk not in cache:
        cache[organisation.pk] = (
            Membership.objects.active().filter(user=user, organisation=organisation).first()
        )
    return cache[organisation.pk]


def is_member(user, organisation):
    """Active member or manager of an approved organisation."""
    return bool(organisation.is_approved and _membership(user, organisation))


def is_manager(user, organisation):
    membership = _membership(user, organisation)
    return bool(organisation.is_approved and membership and membership.is_manager)


def can_write_for(user, organisation):
    return is_editor(user) or is_member(user, organisation)


def can_see_members(user, organisation):
    return is_editor(user) or is_member(user, organisation)


def can_see_proposal(user, organisation):
    """A proposed (or refused) organisation's profile is seen by who proposed it and editors."""
    if is_editor(user):
        return True
    return bool(user and user.is_authenticated and organisation.proposed_by_id == user.pk)


def can_manage_members(user, organisation):
    return is_editor(user) or is_manager(user, organisation)
