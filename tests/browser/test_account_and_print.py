"""In Chromium: the account pages put their form beside (or, on a phone, below) the menu with
the whole address readable; a practice's owner box, the sign-up page and the account pages pass
axe in English and Arabic; printing a practice leaves out the portal's chrome."""

import datetime

import pytest

from tests.browser.test_accessibility import serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EMAIL = "ann.long-address-for-testing@norrvik-municipality.example.org"
PASSWORD = "Newcomers-welcome-2026"


@pytest.fixture
def practice(make_practice, make_organisation, make_user, join):
    organisation = make_organisation(name="City of Norrvik", slug="norrvik")
    join(make_user(EMAIL, password=PASSWORD), organisation)
    practice = make_practice(
        title="Shared flats with students",
        organisation=organisation,
        last_confirmed=datetime.date(2021, 1, 1),
        approach='<p>See the <a href="https://norrvik.example.org/flats">project site</a>.</p>',
    )
    return practice.url


def sign_in(page, live_server):
    page.goto(live_server.url + "/en/accounts/login/")
    page.fill("main input[name=login]", EMAIL)
    page.fill("main input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("width", [1280, 390])
def test_account_pages_show_the_form_beside_the_menu(practice, live_server, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server)
    problems = {}
    for path in [
        "/en/accounts/email/",
        "/en/accounts/password/change/",
        "/en/accounts/2fa/",
        "/ar/accounts/email/",
        "/ar/accounts/password/change/",
        practice,
        "/ar" + practice[3:],
    ]:
        assert page.goto(live_server.url + path).status == 200, path
        found = serious_violations(page)
        if page.evaluate("document.documentElement.scrollWidth > innerWidth"):
            found.append("page scrolls sideways")
        if found:
            problems[path] = found
    assert problems == {}

    page.goto(live_server.url + "/en/accounts/email/")
    menu, form = box(page, ".account-nav"), box(page, "main form")
    if width == 1280:
        assert form["x"] >= menu["x"] + menu["width"]  # beside the menu, not under it
        assert form["width"] > 400
    else:
        assert form["y"] >= menu["y"] + menu["height"]
    address = page.locator("main #current_email")
    assert address.inner_text() == EMAIL
    assert address.evaluate("shown => shown.scrollWidth <= shown.clientWidth"), "address cut off"
    assert address.evaluate("shown => shown.getBoundingClientRect().right <= innerWidth")


def test_the_sign_up_page_passes_axe_in_english_and_arabic(practice, live_server, page):
    page.set_viewport_size({"width": 390, "height": 900})
    for path in ["/en/accounts/signup/", "/ar/accounts/signup/"]:
        page.goto(live_server.url + path)
        assert page.locator("h1").inner_text() in ("Create an account", "إنشاء حساب")
        assert serious_violations(page) == [], path


def test_a_printed_practice_has_its_content_and_facts_without_the_chrome(
    practice, live_server, page
):
    page.goto(live_server.url + practice)
    page.emulate_media(media="print")
    for chrome in [".site-header", ".site-footer", ".breadcrumbs", ".contact-box", ".site-search"]:
        assert not page.locator(chrome).first.is_visible(), chrome
    assert page.locator("h1").is_visible()
    assert page.get_by_role("heading", name="Key facts").is_visible()
    assert page.get_by_role("heading", name="Approach and activities").is_visible()
    printed = page.locator(".rich-text a").evaluate(
        "link => getComputedStyle(link, '::after').content"
    )
    assert "https://norrvik.example.org/flats" in printed
