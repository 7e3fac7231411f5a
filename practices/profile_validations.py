"""The organisation profile's expert validations: which of its practices experts validated,
each linked, the expired ones marked as awaiting a re-check."""

from django.utils import timezone

from portal.i18n import best_versions, current_language

from .models import PracticePage

SHOWN_VALIDATIONS = 20


def organisation_validations(request, organisation):
    """Context of the profile's "Validated by experts" section; None when no practice of the
    organisation has a validation record."""
    readable = best_versions(PracticePage.objects.listable(), current_language())
    records = readable.filter(organisation=organisation, validation__isnull=False)
    current = records.filter(validation__recheck_on__gte=timezone.localdate())
    practices = list(
        records.select_related("validation").order_by("-validation__recheck_on", "title")[
            :SHOWN_VALIDATIONS
        ]
    )
    if not practices:
        return None
    return {"validated": practices, "validated_count": current.count()}
