"""Typed links between practices ("adapted from", "inspired by", "scaled up from"): what both
practices show, and the "adopted elsewhere" flag the library filters on.

A link belongs to the adopting practice (its revisions) and points to one version of the
original; it counts once the adopter is live and public, for every version of the original.
"""

from dataclasses import dataclass
from functools import partial

from django.db import transaction
from django.db.models import Exists, OuterRef, Q

from portal.i18n import best_versions
from portal.models import Revision
from search import indexing

from .choices import AdoptionKind
from .models.adoption import PracticeAdoption
from .models.practice import PracticePage


@dataclass
class ShownLink:
    """A link as a reader sees it: the other practice (in the reader's best language), its
    place, the kind of link and the adopter's note."""

    practice: PracticePage
    kind: str
    note: str

    @property
    def kind_label(self):
        return AdoptionKind(self.kind).label if self.kind in AdoptionKind.values else ""

    @property
    def place(self):
        practice = self.practice
        return practice.region_city or practice.organisation.name


def _best(keys, language):
    pages = PracticePage.objects.listable().filter(translation_key__in=keys)
    pages = best_versions(pages, language)
    return {page.translation_key: page for page in pages.select_related("organisation")}


def adopted_in(page, language):
    """The live practices elsewhere that took this one up, one per practice, newest first."""
    return links_of([page], language)[page.translation_key][1]


def adapted_from(page, language):
    """The live practices this one took up, as it links them."""
    return links_of([page], language)[page.translation_key][0]


def links_of(pages, language):
    """{translation key: (adapted from, adopted in)} of these practices, in one query (the
    links from and to them) and, when there are any, a second (the other practices)."""
    keys = {page.translation_key for page in pages}
    pks = {page.pk for page in pages}
    links = list(
        PracticeAdoption.objects.filter(Q(adopter__in=pks) | Q(original__translation_key__in=keys))
        .select_related("adopter", "original")
        .order_by("-adopter__first_published_at", "sort_order", "pk")
    )
    outgoing = [link for link in links if link.adopter_id in pks]
    incoming = [
        link
        for link in links
        if link.original.translation_key in keys
        and link.adopter.translation_key != link.original.translation_key
    ]
    others = {link.original.translation_key for link in outgoing}
    others |= {link.adopter.translation_key for link in incoming}
    shown = _best(others, language) if others else {}
    result = {key: ([], []) for key in keys}
    by_page = {page.pk: page.translation_key for page in pages}
    for link in outgoing:
        other = shown.get(link.original.translation_key)
        if other is not None:
            result[by_page[link.adopter_id]][0].append(ShownLink(other, link.kind, link.note))
    seen = set()
    for link in incoming:
        key, adopter_key = link.original.translation_key, link.adopter.translation_key
        other = shown.get(adopter_key)
        # One per adopting practice: the link of the version shown, else of any version.
        if other is None or (key, adopter_key) in seen:
            continue
        if link.adopter_id != other.pk and any(
            lnk.adopter_id == other.pk for lnk in incoming if lnk.original.translation_key == key
        ):
            continue
        seen.add((key, adopter_key))
        result[key][1].append(ShownLink(other, link.kind, link.note))
    return result


def refresh(keys):
    """Recount "adopted elsewhere" for the practices of these translation groups, and let the
    library and the search index know when it changed."""
    keys = {key for key in keys if key}
    if not keys:
        return
    adopted = PracticeAdoption.objects.filter(
        original__translation_key=OuterRef("translation_key"),
        adopter__in=PracticePage.objects.listable(),
    ).exclude(adopter__translation_key=OuterRef("translation_key"))
    pages = PracticePage.objects.filter(translation_key__in=keys)
    changed = 0
    for key, now in pages.annotate(now=Exists(adopted)).values_list("translation_key", "now"):
        changed += (
            pages.filter(translation_key=key)
            .exclude(adopted_elsewhere=now)
            .update(adopted_elsewhere=now)
        )
    if changed:
        Revision.bump(Revision.PRACTICES)
        indexing.schedule(keys)


def originals_of(page):
    """Translation groups of the practices `page` links to."""
    return set(
        PracticeAdoption.objects.filter(adopter__translation_key=page.translation_key).values_list(
            "original__translation_key", flat=True
        )
    )


def page_changed(sender, instance, **kwargs):
    """Signal handler: the adopter was published, unpublished or is being deleted. The count
    is taken once the transaction commits (a deleted adopter is gone by then)."""
    transaction.on_commit(partial(refresh, originals_of(instance)))


def link_changed(sender, instance, **kwargs):
    """Signal handler: a link was saved or deleted (also when its practice is published)."""
    keys = PracticePage.objects.filter(pk=instance.original_id).values_list(
        "translation_key", flat=True
    )
    transaction.on_commit(partial(refresh, set(keys)))
