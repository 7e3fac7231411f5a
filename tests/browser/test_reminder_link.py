"""The page a freshness reminder's link opens, before and after confirming, and a forged link's
page pass axe in English, Swedish and Arabic, on a wide and a phone-sized screen."""

import datetime

import pytest

from practices import reminders
from tests.browser.test_accessibility import serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def token(make_practice, make_organisation, make_user, join):
    owner = make_organisation(name="Welcome House", slug="welcome-house")
    manager = make_user("ana@welcome.example")
    join(manager, owner, role="manager")
    practice = make_practice(
        title="Language café", organisation=owner, last_confirmed=datetime.date(2024, 5, 6)
    )
    return reminders.confirm_token(practice, manager)


@pytest.mark.parametrize("width", [1280, 390])
def test_the_reminder_link_pages_have_no_serious_violations(token, live_server, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    problems = {}
    for language in ["en", "sv", "ar"]:
        url = f"{live_server.url}/{language}/practice/confirm/{token}/"
        assert page.goto(url).status == 200
        found = serious_violations(page)
        page.click("main form button[type=submit]")
        page.wait_for_selector("[role=status]")
        found += serious_violations(page)
        assert page.goto(f"{live_server.url}/{language}/practice/confirm/forged/").status == 400
        found += serious_violations(page)
        if found:
            problems[language] = found
    assert problems == {}
