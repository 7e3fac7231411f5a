"""Keep the library's facet index honest: bump the practices' revision on every change it
depends on."""

from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.models import Revision

from . import adoptions
from .models import PracticeAdoption, PracticePage
from .search import PracticeSearch

# What a practice shows besides its own fields: changing one changes listings and the index.
SHOWN_MODELS = tuple(PracticeSearch.related_models)


def library_changed(sender, **kwargs):
    Revision.bump(Revision.PRACTICES)


def connect():
    page_published.connect(library_changed, sender=PracticePage)
    page_unpublished.connect(library_changed, sender=PracticePage)
    post_page_move.connect(library_changed)
    post_save.connect(library_changed, sender=PracticePage)
    post_delete.connect(library_changed, sender=PracticePage)
    for model in (PageViewRestriction, *SHOWN_MODELS):
        post_save.connect(library_changed, sender=model)
        post_delete.connect(library_changed, sender=model)
    # "Adopted elsewhere": recounted when an adopter or one of its links changes.
    page_published.connect(adoptions.page_changed, sender=PracticePage)
    page_unpublished.connect(adoptions.page_changed, sender=PracticePage)
    pre_delete.connect(adoptions.page_changed, sender=PracticePage)
    post_save.connect(adoptions.link_changed, sender=PracticeAdoption)
    post_delete.connect(adoptions.link_changed, sender=PracticeAdoption)
