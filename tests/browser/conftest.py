"""Headless Chromium (Debian's /usr/bin/chromium) driven by Playwright, against a live server."""

import os
import shutil

import pytest

from tests.browser.signing_in import MEMBER_PASSWORD

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture
def browser():
    """A fresh Chromium per test.

    Playwright's sync API keeps an asyncio loop running in this thread while it is open, and
    Django then treats the thread as async (another database connection, no ORM). So request
    the fixtures that write test data *before* `page`, and read nothing from the database in
    the test body; the browser closes before the database is reset.
    """
    if not os.path.exists(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM}: install Debian's `chromium` package."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def member(make_user, make_organisation, join):
    """Ann, a member of the City of Norrvik (sign in with `MEMBER_PASSWORD`)."""
    organisation = make_organisation("municipality", "se", name="City of Norrvik", slug="norrvik")
    user = make_user("ann@norrvik.example.org", password=MEMBER_PASSWORD)
    join(user, organisation)
    return user
