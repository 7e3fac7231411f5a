from .library import PracticeIndexPage
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
    "PracticeAttachment",
    "PracticeGalleryImage",
    "PracticeIndexPage",
    "PracticeLink",
    "PracticePage",
    "PracticeQuerySet",
    "validate_summary_length",  # referenced by migrations
]
