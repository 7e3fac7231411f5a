"""What saving a submission adds to the page's own fields: its uploads and its slug."""

from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.models import Collection, Page

from anyascii import anyascii

from portal.models import CustomImage


def unique_slug(parent, title, fallback):
    """A slug from the title, unique among the parent's children."""
    base = slugify(anyascii(title))[:70] or fallback
    siblings = Page.objects.child_of(parent)
    slug, number = base, 1
    while siblings.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def save_image(page, data, user):
    """The uploaded image, described by its alternative text; or the current one removed or
    described anew."""
    if data.get("remove_image"):
        page.image = None
    if data.get("image"):
        page.image = CustomImage.objects.create(
            title=data["image_alt"][:255],
            description=data["image_alt"],
            file=data["image"],
            uploaded_by_user=user,
            collection=Collection.get_first_root_node(),
        )
    elif page.image and data.get("image_alt"):
        page.image.description = data["image_alt"]
        page.image.save(update_fields=["description"])


def save_attachments(page, data, removed, user):
    """The page's documents, less those ticked for removal (`removed`: document ids as
    posted), plus the one uploaded."""
    removed = {int(pk) for pk in removed if pk.isdigit()}
    attachments = [a for a in page.attachments.all() if a.document_id not in removed]
    if data.get("attachment"):
        document = get_document_model().objects.create(
            title=data.get("attachment_title") or data["attachment"].name,
            file=data["attachment"],
            uploaded_by_user=user,
            collection=Collection.get_first_root_node(),
        )
        attachments.append(page._meta.get_field("attachments").related_model(document=document))
    page.attachments = attachments
