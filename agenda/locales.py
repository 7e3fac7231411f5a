"""What events contribute to locale provisioning (portal/locales.py): every language gets its
own events listing."""

from wagtail import hooks

from portal.locales import LOCALIZED_PAGES

from .models import EventIndexPage


@hooks.register(LOCALIZED_PAGES)
def events_listing(home):
    return [EventIndexPage.objects.child_of(home).first()]
