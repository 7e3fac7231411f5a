"""What saving a submission adds to the page's own fields: its uploads and its slug.

Uploads go to the organisation's own collection under a random file name (see
`documents`), and images are stored without camera or location data."""

from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.models import Page

from anyascii import anyascii

from portal.models import CustomImage
from portal.uploads import without_metadata

from .documents import collection_for, random_name


def unique_slug(parent, title, fallback, taken=None):
    """A slug from the title, unique among the parent's children (or, for many new pages at
    once, not in `taken`, the set of their slugs, which it is added to)."""
    base = slugify(anyascii(title))[:70] or fallback

    def exists(slug):
        if taken is not None:
            return slug in taken
        return Page.objects.child_of(parent).filter(slug=slug).exists()

    slug, number = base, 1
    while exists(slug):
        number += 1
        slug = f"{base}-{number}"
    if taken is not None:
        taken.add(slug)
    return slug


# What a form may say about its image besides the file (the credit and licence are part of
# the open data): image field → form field.
IMAGE_DETAILS = {"credit": "image_credit", "licence": "image_licence"}


def save_image(page, data, user):
    """The uploaded image, described by its alternative text (and its credit and licence when
    the form asks for them); or the current one removed or described anew."""
    details = {field: data[name] for field, name in IMAGE_DETAILS.items() if name in data}
    if data.get("remove_image"):
        page.image = None
    if data.get("image"):
        upload = without_metadata(data["image"])
        upload.name = random_name(data["image"].name, "image")
        page.image = CustomImage.objects.create(
            title=data["image_alt"][:255],
            description=data["image_alt"],
            file=upload,
            uploaded_by_user=user,
            collection=collection_for(page.organisation),
            **details,
        )
    elif page.image and data.get("image_alt"):
        page.image.description = data["image_alt"]
        for field, value in details.items():
            setattr(page.image, field, value)
        page.image.save(update_fields=["description", *details])


def save_attachments(page, data, removed, user):
    """The page's documents, less those ticked for removal (`removed`: document ids as
    posted), plus the one uploaded."""
    removed = {int(pk) for pk in removed if pk.isdigit()}
    attachments = [a for a in page.attachments.all() if a.document_id not in removed]
    if data.get("attachment"):
        upload = data["attachment"]
        title = data.get("attachment_title") or upload.name
        upload.name = random_name(upload.name, "document")
        document = get_document_model().objects.create(
            title=title,
            file=upload,
            uploaded_by_user=user,
            collection=collection_for(page.organisation),
        )
        attachments.append(page._meta.get_field("attachments").related_model(document=document))
    page.attachments = attachments
