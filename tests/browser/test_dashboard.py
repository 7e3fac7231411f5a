"""The monitoring dashboard in Chromium: no serious or critical axe violations in English,
Swedish and Arabic (right to left), at desktop and phone widths, nothing scrolling sideways and
no Content-Security-Policy violation (its charts are SVG without inline styles or scripts).
SCREENSHOT_DIR=/some/dir keeps full-page screenshots of each."""

import datetime
import os

import pytest

from tests.browser.test_accessibility import serious_violations
from tests.browser.test_csp import WATCH
from tests.practices.test_dashboard_exchange import link, validate

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def practices(make_practice, make_event, django_capture_on_commit_callbacks):
    areas = ["housing", "health", "education-and-training", "employment-and-skills"]
    made = []
    for number, country in enumerate(["se", "de", "fr", "it", "pl", "es", "se", "fi"]):
        made.append(
            make_practice(
                title=f"Practice {number}",
                action_areas=[areas[number % 4]],
                countries=[country],
                target_groups=["refugees"],
                funding_instruments=["amif"],
                evidence_level=["none", "internal", "external"][number % 3],
                start_date=f"{2015 + number}-01-01",
            )
        )
    for page, days in ((made[0], 200), (made[1], -5)):  # validated; expired
        validate(page, days)
    with django_capture_on_commit_callbacks(execute=True):
        link(made[2], made[0])  # Sweden's taken up in France
    soon = datetime.date.today() + datetime.timedelta(days=10)
    make_event(title="Housing fair", action_areas=["housing"], start_date=soon.isoformat())


@pytest.mark.parametrize("width", [1280, 390])
def test_dashboard_has_no_serious_violations(practices, live_server, page, width):
    page.add_init_script(WATCH)
    page.set_viewport_size({"width": width, "height": 900})
    problems = {}
    for language in ("en", "sv", "ar"):
        response = page.goto(f"{live_server.url}/{language}/monitoring/?target=refugees")
        assert response.status == 200, language
        found = serious_violations(page)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            found.append(f"page scrolls sideways by {overflow}px")
        found += page.evaluate("window.__violations")
        if found:
            problems[language] = found
        if shots := os.environ.get("SCREENSHOT_DIR"):  # to look at them
            page.screenshot(path=f"{shots}/dashboard-{language}-{width}.png", full_page=True)
    assert problems == {}
