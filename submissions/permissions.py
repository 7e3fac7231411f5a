"""What a person may do with one submitted page (front end). The admin is for editors only."""

from portal.permissions import can_write_for, is_editor


def can_preview(user, page):
    return can_write_for(user, page.organisation)


def can_edit(user, page):
    """Members edit their organisation's pages unless an editor is reviewing them."""
    if is_editor(user):
        return True
    return can_write_for(user, page.organisation) and not page.workflow_in_progress


def can_delete(user, page):
    """Editors delete anything; members only drafts that were never published."""
    if is_editor(user):
        return True
    return can_edit(user, page) and page.first_published_at is None and not page.live


def can_withdraw(user, page):
    """The organisation's members (and editors) take a page back out of review."""
    return can_write_for(user, page.organisation) and page.workflow_in_progress
