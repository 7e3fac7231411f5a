from .library import LibraryRevision, PracticeIndexPage
from .practice import (
    BODY_SECTIONS,
    PracticeAttachment,
    PracticeGalleryImage,
    PracticeLink,
    PracticePage,
    PracticeQuerySet,
    validate_summary_length,
)

__all__ = [
    "BODY_SECTIONS",
    "LibraryRevision",
    "PracticeAttachment",
    "PracticeGalleryImage",
    "PracticeIndexPage",
    "PracticeLink",
    "PracticePage",
    "PracticeQuerySet",
    "validate_summary_length",  # referenced by migrations
]
