"""Uploads are checked by their content, not their name, and by size, with clear messages."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm

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
