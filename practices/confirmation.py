""" "Still current": the owning organisation's members confirm a practice from its page.

The confirmation date (`last_confirmed`, behind "may be out of date") and who confirmed are set
on every language version and on their latest revisions, without publishing (an editor's next
publication keeps them); readers' cached pages are invalidated like a publication's."""

from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from portal import pagecache
from portal.models import Revision
from portal.permissions import is_member

LOG_ACTION = "practices.confirm_current"


def can_confirm(user, page):
    """Members of the owning organisation, on the published page."""
    return bool(page.live and user.is_authenticated and is_member(user, page.organisation))


@transaction.atomic
def confirm_current(page, user):
    """Record that `user` confirmed `page` (all its translations) as accurate today."""
    today = timezone.localdate()
    versions = type(page).objects.filter(translation_key=page.translation_key)
    versions.update(last_confirmed=today, last_confirmed_by=user)
    for version in versions.select_related("latest_revision"):
        revision = version.latest_revision
        if revision is not None:
            revision.content.update(last_confirmed=today.isoformat(), last_confirmed_by=user.pk)
            revision.save(update_fields=["content"])
        log(instance=version, action=LOG_ACTION, user=user)
    Revision.bump(Revision.PRACTICES)
    transaction.on_commit(lambda: pagecache.page_changed(page))
    return today
