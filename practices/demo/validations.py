"""Demo expert validations (validations.json): two current, one whose re-check date has
passed, so that the demo shows the badge, the "validated" filter and an expired record."""

import datetime
import json
from pathlib import Path

from django.utils import timezone

from portal.models import Revision
from practices.choices import ValidationCriterion
from practices.models import PracticePage, PracticeValidation

VALIDATIONS = Path(__file__).resolve().parent / "validations.json"


def load_validations():
    return json.loads(VALIDATIONS.read_text("utf-8"))


def generate(context):
    """Add the validations missing (on every version of each practice)."""
    today = timezone.localdate()
    created = 0
    validations = load_validations()
    for data in validations:
        original = PracticePage.objects.filter(slug=data["practice"]).first()
        if original is None:
            continue
        criteria = [
            {
                "code": code,
                "met": code not in data["not_met"],
                "comment": data["comments"].get(code, ""),
            }
            for code in ValidationCriterion.values
        ]
        new_here = False
        for version in original.get_translations(inclusive=True).specific():
            _record, new = PracticeValidation.objects.get_or_create(
                practice=version,
                defaults={
                    "body": data["body"],
                    "validated_on": today - datetime.timedelta(days=data["validated_days_ago"]),
                    "recheck_on": today + datetime.timedelta(days=data["recheck_in_days"]),
                    "criteria": criteria,
                },
            )
            new_here = new_here or new
        created += new_here
    if created:
        Revision.bump(Revision.PRACTICES)
    return f"{len(validations)} expert validations ({created} new)"
