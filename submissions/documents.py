"""Who may download a document, and where front-end uploads are kept.

A document is public only when a live page that anyone may see uses it (found through
Wagtail's reference index: attachments, rich-text links, blocks). Otherwise it is served only
to people who may see such a page (restriction passed: signed in, in the group, password
given), to members of the organisation that owns the page or the collection holding the
file, to its uploader and to editors. Front-end uploads go to a collection of their own per
organisation, under a random file name, so neither ids nor names lead to a draft's file.
"""

import logging
import secrets

from django.contrib.contenttypes.models import ContentType
from django.utils.text import slugify

from wagtail.models import Collection, Page, ReferenceIndex

from anyascii import anyascii

from portal.models import Membership
from portal.permissions import is_editor

from .permissions import can_preview

logger = logging.getLogger(__name__)

UPLOADS_COLLECTION = "Uploads from organisations"


def organisation_collection_name(organisation_id):
    return f"Organisation #{organisation_id}"


def collection_for(organisation):
    """The organisation's own collection (created on first use) under one parent."""
    root = Collection.get_first_root_node()
    parent = root.get_children().filter(name=UPLOADS_COLLECTION).first()
    if parent is None:
        parent = root.add_child(name=UPLOADS_COLLECTION)
    name = organisation_collection_name(organisation.pk)
    collection = parent.get_children().filter(name=name).first()
    return collection or parent.add_child(name=name)


def random_name(original, fallback="file"):
    """A file name nobody can guess, keeping a readable stem and the extension."""
    stem, dot, ext = original.rpartition(".")
    readable = slugify(anyascii(stem if dot else original))[:40] or fallback
    suffix = f".{ext.lower()}" if dot and ext.isalnum() else ""
    return f"{readable}-{secrets.token_urlsafe(12)}{suffix}"


def pages_using(document):
    """Every page (specific) whose saved content refers to the document."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return Page.objects.filter(pk__in=[int(pk) for pk in ids if pk.isdigit()]).specific()


def is_public(page):
    return page.live and not page.get_view_restrictions().exists()


def may_see(request, page):
    """A live page whose every restriction this request passes."""
    return page.live and all(
        restriction.accept_request(request) for restriction in page.get_view_restrictions()
    )


def _member_organisations(user):
    return set(
        Membership.objects.active().filter(user=user).values_list("organisation_id", flat=True)
    )


def may_download(request, document):
    """Whether this request may have the document's file (see the module's docstring)."""
    pages = list(pages_using(document))
    if any(is_public(page) for page in pages):
        return True
    if any(may_see(request, page) for page in pages):
        return True
    user = request.user
    if not user.is_authenticated:
        return False
    if is_editor(user) or document.uploaded_by_user_id == user.pk:
        return True
    if any(getattr(page, "organisation", None) and can_preview(user, page) for page in pages):
        return True
    names = {organisation_collection_name(pk) for pk in _member_organisations(user)}
    return document.collection.name in names and (
        document.collection.get_parent().name == UPLOADS_COLLECTION
    )
