from .adoption import AdoptionRequest, AdoptionRequestEvent, PracticeAdoption
from .imports import ImportedPractice, ImportRun
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
from .reminders import FreshnessReminder
from .validation import ExpertValidationTask, PracticeValidation

__all__ = [
    "AdoptionRequest",
    "AdoptionRequestEvent",
    "PracticeAdoption",
    "BODY_SECTIONS",
    "ExpertValidationTask",
    "FreshnessReminder",
    "ImportRun",
    "ImportedPractice",
    "PracticeAttachment",
    "PracticeGalleryImage",
    "PracticeIndexPage",
    "PracticeLink",
    "PracticePage",
    "PracticeQuerySet",
    "PracticeValidation",
    "validate_summary_length",  # referenced by migrations
]
