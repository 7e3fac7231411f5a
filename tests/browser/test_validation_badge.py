"""The practice page with an expert validation (badge, record, an expired one) passes axe."""

import datetime

from django.utils import timezone

import pytest

from practices.choices import ValidationCriterion
from practices.models import PracticeValidation
from tests.browser.test_accessibility import serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def validate(practice, days):
    PracticeValidation.objects.create(
        practice=practice,
        body="European Network of Integration Experts",
        recheck_on=timezone.localdate() + datetime.timedelta(days=days),
        criteria=[
            {"code": code, "met": code != "costs", "comment": "Checked against the report."}
            for code in ValidationCriterion.values
        ],
    )


@pytest.fixture
def paths(make_practice):
    current = make_practice(title="Shared flats with students", action_areas=["housing"])
    expired = make_practice(title="Language café", action_areas=["housing"])
    validate(current, 700)
    validate(expired, -5)
    return [current.url, expired.url, "/en/practices/?validated=yes", "/en/practices/"]


@pytest.mark.parametrize("width", [1280, 390])
def test_pages_with_a_validation_have_no_serious_violations(paths, live_server, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    problems = {}
    for path in paths:
        assert page.goto(live_server.url + path).status == 200, path
        assert page.locator(".badge--validated, .badge--expired").count() >= 1, path
        found = serious_violations(page)
        if found:
            problems[path] = found
    assert problems == {}
