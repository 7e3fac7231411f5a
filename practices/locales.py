"""What practices contribute to locale provisioning (portal/locales.py): every language gets
its own practice library, where the practices written in it are created."""

from wagtail import hooks

from portal.locales import LOCALIZED_PAGES

from .models import PracticeIndexPage


@hooks.register(LOCALIZED_PAGES)
def practice_library(home):
    return [PracticeIndexPage.objects.child_of(home).first()]
