"""Many new draft practices at once, for the import: what `parent.add_child()` and
`page.save_revision()` do for one page, done for a batch in a fixed number of queries.

Each page gets its place in the tree (path, depth, URL path, its library's child count), its
many-to-many rows, one revision (its latest) and a "created" entry in its history. What page
saves would queue is queued the same way: Wagtail's search index and reference index updates
(one background task per batch, portal.tasks.update_indexes), and the practices' revision is bumped.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone

from modelcluster.models import get_all_child_relations
from wagtail.models import Page, PageLogEntry
from wagtail.models import Revision as PageRevision

from portal.models import Revision
from portal.tasks import update_indexes

from .models import PracticePage

RELATIONS = (
    "countries",
    "action_areas",
    "sub_themes",
    "target_groups",
    "funding_instruments",
    "partner_organisations",
)
PAGE_FIELDS = [field for field in Page._meta.concrete_fields if not field.primary_key]


def _place(pages, parent):
    """Give `pages` the next paths under `parent` (its children's count goes up with them)."""
    depth = parent.depth + 1
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=depth)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    step = PracticePage._str2int(last[-PracticePage.steplen :]) if last else 0
    for page in pages:
        step += 1
        page.path, page.depth, page.numchild = (
            PracticePage._get_path(parent.path, depth, step),
            depth,
            0,
        )
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)


def create(drafts, user=None):
    """Save `drafts` ([(unsaved PracticePage with its fields and terms set, its library)]) as
    draft pages, each with one revision by `user`."""
    if not drafts:
        return
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(PracticePage)
    page_type = ContentType.objects.get_for_model(Page)
    by_parent = {}
    for page, parent in drafts:
        by_parent.setdefault(parent.pk, (parent, []))[1].append(page)
    for parent, pages in by_parent.values():
        _place(pages, parent)
    pages = [page for page, _parent in drafts]
    for page in pages:
        page.content_type_id = content_type.pk
        page.draft_title, page.live, page.has_unpublished_changes = page.title, False, True
        page.owner, page.latest_revision_created_at = user, now
    # Their rows in Page's table, straight from the pages (no Page object made for each).
    ids = Page._base_manager._insert(pages, fields=PAGE_FIELDS, returning_fields=[Page._meta.pk])
    children = [relation.get_accessor_name() for relation in get_all_child_relations(PracticePage)]
    for page, (pk,) in zip(pages, ids, strict=True):
        page.pk = page.id = page.page_ptr_id = pk
        for name in children:  # an imported page has none: its revision need not read them
            setattr(page, name, [])
    PracticePage._base_manager._insert(
        pages, fields=PracticePage._meta.local_concrete_fields, raw=True
    )
    for name in RELATIONS:
        relation = getattr(PracticePage, name)
        column = relation.field.m2m_reverse_field_name()
        relation.through.objects.bulk_create(
            relation.through(practicepage_id=page.pk, **{f"{column}_id": term.pk})
            for page in pages
            for term in getattr(page, name).all()
        )
    revisions = PageRevision.objects.bulk_create(
        PageRevision(
            content_type_id=content_type.pk,
            base_content_type_id=page_type.pk,
            object_id=str(page.pk),
            created_at=now,
            user=user,
            object_str=page.title,
            content=page.serializable_data(),
        )
        for page in pages
    )
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision_id = revision.pk
    # One statement for the batch: each page's latest revision is the one just made.
    Page.objects.filter(pk__in=[page.pk for page in pages]).update(
        latest_revision=Subquery(
            PageRevision.objects.filter(
                base_content_type_id=page_type.pk, object_id=Cast(OuterRef("pk"), CharField())
            )
            .order_by("-pk")
            .values("pk")[:1]
        )
    )
    PageLogEntry.objects.bulk_create(
        PageLogEntry(
            content_type_id=content_type.pk,
            label=page.title,
            action="wagtail.create",
            timestamp=now,
            user=user,
            page_id=page.pk,
            revision_id=page.latest_revision_id,
            content_changed=True,
            data={},
        )
        for page in pages
    )
    meta = PracticePage._meta
    update_indexes.enqueue(meta.app_label, meta.model_name, [page.pk for page in pages])
    Revision.bump(Revision.PRACTICES)
