"""Uploads are checked by their content, not their name, and by size, with clear messages.
Images are also checked for damage and pixel count, and stored without camera or location
data (EXIF, XMP)."""

import io
import logging

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from PIL import Image, ImageOps, UnidentifiedImageError

logger = logging.getLogger(__name__)

ZIP = b"PK\x03\x04"
SIGNATURES = {
    "pdf": [b"%PDF-"],
    "docx": [ZIP],
    "xlsx": [ZIP],
    "pptx": [ZIP],
    "odt": [ZIP],
    "ods": [ZIP],
    "odp": [ZIP],
    "rtf": [b"{\\rtf"],
}
TEXT_EXTENSIONS = {"csv", "txt"}


def extension(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def check_document(uploaded, allowed=None, max_size=None):
    """Raise ValidationError unless the file's content matches an allowed document type."""
    allowed = allowed or settings.WAGTAILDOCS_EXTENSIONS
    max_size = max_size or settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    if uploaded.size > max_size:
        raise ValidationError(
            _("This file is %(size)s; the limit is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(uploaded.size), "limit": filesizeformat(max_size)},
        )
    ext = extension(uploaded.name)
    if ext not in allowed:
        raise ValidationError(
            _("Files of type “%(ext)s” are not accepted. Accepted: %(allowed)s."),
            code="bad_extension",
            params={"ext": ext or "?", "allowed": ", ".join(allowed)},
        )
    uploaded.seek(0)
    head = uploaded.read(2048)
    uploaded.seek(0)
    if ext in TEXT_EXTENSIONS:
        ok = b"\x00" not in head and _decodes(head)
    else:
        ok = any(head.startswith(signature) for signature in SIGNATURES.get(ext, []))
    if not ok:
        raise ValidationError(
            _("This file is not really a %(ext)s file (its content does not match its name)."),
            code="bad_content",
            params={"ext": ext.upper()},
        )


def _decodes(data):
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is fine.
        return error.start >= len(data) - 3
    return True


class CheckedDocumentForm(BaseDocumentForm):
    """Wagtail's document form, plus a content check of the uploaded file."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and hasattr(uploaded, "size") and uploaded is not self.original_file:
            check_document(uploaded)
        return uploaded


class PDFField(forms.FileField):
    """A PDF upload checked by content and size."""

    def clean(self, data, initial=None):
        uploaded = super().clean(data, initial)
        if uploaded and uploaded is not initial:
            check_document(uploaded, allowed=["pdf"])
        return uploaded


DAMAGED_IMAGE = _(
    "This image file is damaged or incomplete. Open it in an image editor, save it again "
    "and upload it once more."
)
METADATA_KEYS = {"exif", "xmp", "XML:com.adobe.xmp", "photoshop", "comment"}


def _pixels(uploaded):
    """Width × height read from the file's header, without decoding the picture."""
    uploaded.seek(0)
    try:
        with Image.open(uploaded) as image:
            return image.width * image.height * getattr(image, "n_frames", 1)
    finally:
        uploaded.seek(0)


class CheckedImageField(WagtailImageField):
    """Wagtail's image field; a damaged file gets a clear message instead of an error page,
    and a huge one is refused from its header, before it is decoded."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages["file_too_many_pixels"] = _(
            "This image has %(num_pixels)s pixels; the limit is %(max_pixels_count)s. Save a "
            "smaller version (for example 3000 pixels wide) and upload it again."
        )

    def to_python(self, data):
        if data and hasattr(data, "read") and self.max_image_pixels:
            try:
                pixels = _pixels(data)
            except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
                logger.info("Refused an unreadable image upload: %s", error)
                pixels = 0  # Wagtail's own check names the problem
            if pixels > self.max_image_pixels:
                raise ValidationError(
                    self.error_messages["file_too_many_pixels"],
                    code="file_too_many_pixels",
                    params={"num_pixels": pixels, "max_pixels_count": self.max_image_pixels},
                )
        try:
            return super().to_python(data)
        except (OSError, SyntaxError, EOFError, ValueError) as error:
            logger.info("Refused a damaged image upload: %s", error)
            raise ValidationError(DAMAGED_IMAGE, code="invalid_image") from error


def without_metadata(uploaded):
    """The image with its orientation applied and no EXIF/XMP (GPS position, camera,
    owner). Animated images, which carry no EXIF in the formats accepted, stay as they are."""
    uploaded.seek(0)
    try:
        with Image.open(uploaded) as image:
            has_metadata = bool(image.getexif()) or bool(METADATA_KEYS & set(image.info))
            if getattr(image, "n_frames", 1) > 1 or not has_metadata:
                return uploaded
            image_format = image.format
            icc_profile = image.info.get("icc_profile")
            cleaned = ImageOps.exif_transpose(image)
            cleaned.info = {}
            options = {"icc_profile": icc_profile} if icc_profile else {}
            if image_format == "JPEG":
                options["quality"] = 90
                if cleaned.mode not in {"RGB", "L", "CMYK"}:
                    cleaned = cleaned.convert("RGB")
            buffer = io.BytesIO()
            cleaned.save(buffer, format=image_format, **options)
    except (OSError, UnidentifiedImageError, ValueError, KeyError) as error:
        logger.warning("Could not remove the metadata of %s: %s", uploaded.name, error)
        raise ValidationError(DAMAGED_IMAGE, code="invalid_image") from error
    finally:
        uploaded.seek(0)
    return ContentFile(buffer.getvalue(), name=uploaded.name)


class CheckedImageForm(BaseImageForm):
    """Wagtail's image form (admin): damaged or huge files get a clear message, and the
    stored original carries no camera or location data."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            current = self.fields["file"]
            self.fields["file"] = CheckedImageField(
                label=current.label,
                required=current.required,
                widget=current.widget,
                help_text=current.help_text,
            )

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and uploaded is not self.original_file and hasattr(uploaded, "read"):
            cleaned = without_metadata(uploaded)
            if cleaned is not uploaded:
                cleaned.image = getattr(uploaded, "image", None)
            return cleaned
        return uploaded
