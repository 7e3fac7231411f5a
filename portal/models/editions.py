"""Editions of followed pages: what readers are told about again.

A page readers follow (a practice, an event) counts its *substantial* updates. Each publication
is compared with the one before it (the revision recorded at that publication); when what
changed matters to a reader — the page's class says what, in `substantial_changes()`: a new
section of results, another date or place — its edition goes up and what changed is kept.
Alerts are recorded per saved search, item and edition (`portal.alerts`), so a substantial
update reaches followers once more, and a fixed typo never does.
"""

import re
from difflib import SequenceMatcher
from html import unescape

from django.db import models
from django.db.models import F
from django.utils.html import strip_tags
from django.utils.text import capfirst

# A text changed substantially when this many of its words changed, whatever its length…
MIN_WORDS = 20
# …or this share of its words (a summary of 40 words rewritten by a quarter).
MIN_SHARE = 0.25
WORD = re.compile(r"\w+")


def words(text):
    """The words of a plain or rich text, case-folded."""
    return WORD.findall(unescape(strip_tags(text or "")).casefold())


def text_changed(old, new):
    """Whether a text changed by more than a correction: see MIN_WORDS and MIN_SHARE."""
    before, after = words(old), words(new)
    if before == after:
        return False
    kept = sum(block.size for block in SequenceMatcher(None, before, after).get_matching_blocks())
    changed = len(before) + len(after) - 2 * kept
    return changed >= MIN_WORDS or changed >= MIN_SHARE * max(len(before), 1)


class EditionMixin(models.Model):
    """For a page model readers follow: its edition (0 until a substantial update), what that
    update changed, and the revision the next publication is compared with. Not part of the
    page's revisions: restoring one keeps them."""

    edition = models.PositiveIntegerField(default=0, editable=False)
    edition_changes = models.JSONField(default=list, blank=True, editable=False)
    edition_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        abstract = True

    def substantial_changes(self, previous):
        """Names of the fields (or parts) that changed substantially since `previous`, the
        page as it was last published; empty for a minor correction."""
        raise NotImplementedError

    def change_labels(self):
        """What the last substantial update changed, in the active language."""
        labels = dict(self.change_choices())
        return [str(labels[name]) for name in self.edition_changes if name in labels]

    def change_choices(self):
        """(name, label) of what `substantial_changes()` may name: by default its fields."""
        return [(field.name, capfirst(field.verbose_name)) for field in self._meta.fields]

    def with_content_json(self, content):
        page = super().with_content_json(content)
        page.edition, page.edition_changes = self.edition, self.edition_changes
        page.edition_revision_id = self.edition_revision_id
        return page


def record_edition(sender, instance, revision=None, **kwargs):
    """A `page_published` handler: compare the publication with the last one, count a
    substantial update, and remember this revision for the next comparison."""
    if not isinstance(instance, EditionMixin) or revision is None:
        return
    updates = {"edition_revision": revision}
    baseline = instance.edition_revision
    if baseline is not None and baseline.pk != revision.pk:
        changes = instance.substantial_changes(baseline.as_object())
        if changes:
            updates.update(edition=F("edition") + 1, edition_changes=changes)
    type(instance)._base_manager.filter(pk=instance.pk).update(**updates)
