"""In Chromium: after a refused submission the focus is on the error summary, its links move
the focus to their fields (the rich-text editor too), and axe finds nothing serious."""

import pytest
from playwright.sync_api import expect

from tests.browser.signing_in import MEMBER_PASSWORD as PASSWORD
from tests.browser.signing_in import sign_in
from tests.browser.test_accessibility import serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def active(page):
    return page.evaluate(
        "[document.activeElement.id, document.activeElement.className,"
        " document.activeElement.isContentEditable]"
    )


def test_focus_moves_to_the_summary_and_its_links_to_the_fields(member, live_server, page):
    sign_in(page, live_server.url, "ann@norrvik.example.org", PASSWORD)
    page.goto(live_server.url + "/en/my/practices/new/")
    page.click("button[value=submit]")
    expect(page.locator(".error-summary")).to_be_visible()

    assert page.title().startswith("Error: ")
    assert active(page)[1] == "error-summary"
    page.click(".error-summary a[href='#id_approach']")
    assert active(page)[2] is True  # the rich-text editor, not its hidden textarea
    page.click(".error-summary a[href='#id_title']")
    assert active(page)[0] == "id_title"
    page.click(".error-summary a[href='#id_countries_0']")
    assert active(page)[0] == "id_countries_0"


@pytest.mark.parametrize(
    ("path", "width"),
    [
        ("/en/my/practices/new/", 390),
        ("/en/my/events/new/", 1280),
        ("/ar/my/events/new/", 390),
        ("/ar/my/practices/new/", 1280),
    ],
)
def test_forms_with_errors_have_no_serious_violations(member, live_server, page, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, "ann@norrvik.example.org", PASSWORD)
    page.goto(live_server.url + path)
    page.click("button[value=submit]")
    expect(page.locator(".error-summary")).to_be_visible()
    assert serious_violations(page) == []
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
