"""The Content-Security-Policy in Chromium: injected inline code runs nothing and is reported to
the server; the Wagtail admin (edit, publish, preview, wagtail-localize's editor) raises no
violation."""

import logging
import time

from django.core.management import call_command

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP

from tests.browser.signing_in import TOTP_SECRET, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Editors-check-2026"
INJECTED = (
    "<script>window.__ran = 1</script>"
    '<img src="/static/img/logo.svg" alt="" onload="window.__ran = 2">'
    '<a id="trap" href="javascript:window.__ran = 3">x</a>'
)
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.effectiveDirective} ${event.blockedURI} ${location.pathname}`);
});
"""


def wait_for(condition, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_injected_inline_code_runs_nothing_and_is_reported(home, live_server, page, caplog):
    caplog.set_level(logging.WARNING, logger="portal.csp")
    page.add_init_script(WATCH)

    def inject(route):
        response = route.fetch()
        assert "script-src" in response.headers["content-security-policy"]
        body = response.text().replace("</main>", INJECTED + "</main>", 1)
        route.fulfill(response=response, body=body)

    page.route("**/en/", inject)
    page.goto(live_server.url + "/en/")
    page.click("#trap")
    page.wait_for_timeout(500)

    assert page.evaluate("window.__ran") is None
    violations = page.evaluate("window.__violations")
    assert any(v.startswith("script-src-elem inline") for v in violations), violations
    assert any(v.startswith("script-src-attr inline") for v in violations), violations
    assert wait_for(lambda: "CSP violation: script-src" in caplog.text), caplog.text


@pytest.fixture
def editorial(make_user, make_practice):
    editor = make_user("editor@integra.example.org", editor=True, password=PASSWORD)
    Authenticator.objects.filter(user=editor).delete()
    TOTP.activate(editor, TOTP_SECRET)
    practice = make_practice(title="Language café")
    call_command("sync_locales", "--languages", "sv")
    source, _ = TranslationSource.get_or_create_from_instance(practice)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="sv")
    )
    translation.save_target(publish=False)
    swedish = practice.get_translation(Locale.objects.get(language_code="sv"))
    return {"practice": practice.pk, "swedish": swedish.pk}


def test_the_admin_works_under_its_policy(editorial, live_server, browser, caplog):
    caplog.set_level(logging.WARNING, logger="portal.csp")
    base = live_server.url
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(WATCH)
    page = context.new_page()
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text or "Permissions-Policy" in message.text
            else None
        ),
    )
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    def violations():
        return page.evaluate("window.__violations || []")

    seen = []
    sign_in(page, base, "editor@integra.example.org", PASSWORD, totp_secret=TOTP_SECRET)
    seen += violations()

    # The public page, with Wagtail's user bar.
    page.goto(base + "/en/practices/")
    page.wait_for_load_state("networkidle")
    seen += violations()

    # Edit and publish.
    page.goto(base + f"/admin/pages/{editorial['practice']}/edit/")
    page.wait_for_load_state("networkidle")
    page.fill("#id_title", "Language café for newcomers")
    page.get_by_role("button", name="More actions").last.click()
    page.get_by_role("button", name="Publish", exact=True).click()
    page.wait_for_load_state("networkidle")
    assert "Language café for newcomers" in page.content()
    seen += violations()

    # Preview, in the side panel and in a tab of its own.
    page.goto(base + f"/admin/pages/{editorial['practice']}/edit/")
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Toggle preview").click()
    frame = page.frame_locator("iframe#w-preview-iframe, iframe[title*='review']").first
    frame.locator("h1").wait_for(state="attached", timeout=15_000)
    assert "Language café for newcomers" in frame.locator("h1").text_content()
    seen += violations()
    preview = page.locator("a[href$='/preview/'], a[href*='/preview/?']").first
    preview_url = preview.get_attribute("href") if preview.count() else None
    if preview_url:
        page.goto(base + preview_url if preview_url.startswith("/") else preview_url)
        page.wait_for_load_state("networkidle")
        seen += violations()

    # wagtail-localize's translation editor (a React app).
    page.goto(base + f"/admin/pages/{editorial['swedish']}/edit/")
    page.wait_for_load_state("networkidle")
    page.get_by_text("Language café").first.wait_for(timeout=15_000)
    assert page.locator("#edit-translation, .editor, [class*='editor']").count()
    seen += violations()

    context.close()
    assert seen == []
    assert console == []
    assert errors == []
    assert "CSP violation" not in caplog.text


@pytest.fixture
def a_practice(make_practice):
    return make_practice(title="Language café")


def test_the_api_docs_run_under_the_readers_policy(a_practice, live_server, page):
    """Swagger UI (django-ninja's, from our own static files) renders the API's operations
    with no violation of the policy every reader's page has."""
    page.add_init_script(WATCH)
    page.goto(live_server.url + "/api/v1/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=15_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/v1/practices" in path for path in paths), paths
    assert page.evaluate("window.__violations") == []
