"""The front-end rich-text editor, in Chromium: HTML typed into a field comes back (the form had
errors) without running anything, and a removed <script> leaves no visible text."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct horse battery"
PAYLOAD = (
    "<p>Kept <b>bold</b> text</p>"
    '<img src="x" onerror="window.__xss = 1">'
    "<script>window.__xss = 2; alert(1)</script>"
    '<p onclick="window.__xss = 3">Paragraph <a href="javascript:window.__xss = 4">trap</a></p>'
    '<ul><li><a href="https://example.org/guide" onmouseover="window.__xss = 5">Guide</a></li></ul>'
    "<svg><script>window.__xss = 6</script></svg><style>p { color: red }</style>"
    '<iframe srcdoc="&lt;script&gt;parent.__xss = 7&lt;/script&gt;"></iframe>'
)
EDITOR = "#id_approach + .rich-editor__toolbar + .rich-editor__area"
# Runs after rich-text.js's own submit handler: sends the payload as the field's value, as if
# typed into the textarea (it is never parsed in this page), with the title left empty.
SEND_PAYLOAD = """(payload) => {
  const form = document.querySelector("#id_approach").form;
  form.noValidate = true;
  form.addEventListener("submit", () => { document.querySelector("#id_approach").value = payload; });
}"""


@pytest.fixture
def member(make_user, make_organisation, join):
    organisation = make_organisation("ngo", "se", name="Welcome House", slug="welcome-house")
    user = make_user("member@welcome.example.org", password=PASSWORD)
    join(user, organisation)
    return user


def test_html_coming_back_with_form_errors_runs_nothing(member, live_server, browser):
    # CSP off for this test: the editor itself must not insert what it is given.
    page = browser.new_context(bypass_csp=True).new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(live_server.url + "/accounts/login/")
    page.fill("main input[name=login]", "member@welcome.example.org")
    page.fill("main input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()

    page.goto(live_server.url + "/en/my/practices/new/")
    page.evaluate(SEND_PAYLOAD, PAYLOAD)
    page.click("button[value=submit]")
    page.wait_for_load_state()
    assert page.locator("#id_approach").input_value().startswith("<p>Kept")  # it came back
    page.wait_for_timeout(500)
    editor = page.locator(EDITOR)
    for element in editor.locator("*").all():
        element.dispatch_event("mouseover")
        element.dispatch_event("click")
    page.wait_for_timeout(300)

    assert page.evaluate("window.__xss") is None
    assert dialogs == []
    text = editor.inner_text()
    assert "Kept bold text" in text
    assert "Paragraph trap" in text
    assert "alert(1)" not in text
    assert "__xss" not in text
    assert "color: red" not in text
    assert editor.locator("img, script, svg, style, iframe").count() == 0
    assert editor.locator("[onclick], [onerror], [onmouseover]").count() == 0
    assert editor.locator("a").evaluate_all("links => links.map((a) => a.href)") == [
        "https://example.org/guide"
    ]
    assert editor.locator("b").inner_text() == "bold"


def test_the_link_button_opens_a_dialog_and_checks_the_address(member, live_server, browser):
    page = browser.new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.fill("main input[name=login]", "member@welcome.example.org")
    page.fill("main input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    page.goto(live_server.url + "/en/my/practices/new/")

    toolbar = page.locator("#id_approach + .rich-editor__toolbar")
    link = toolbar.get_by_role("button", name="Link")
    assert link.inner_text() == "Link"  # a visible word, not an empty box
    for button in toolbar.locator("button").all():
        box = button.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44
    editor = page.locator(EDITOR)
    editor.click()
    page.keyboard.type("Read the guide")
    page.keyboard.press("Shift+Home")
    link.click()

    dialog = page.get_by_role("dialog", name="Link")
    address = dialog.get_by_label("Web address (https://…)")
    address.fill("javascript:alert(1)")
    dialog.get_by_role("button", name="Add link").click()
    assert "Enter an address starting with https:// or mailto:" in dialog.inner_text()
    address.fill("https://example.org/guide")
    dialog.get_by_role("button", name="Add link").click()
    assert not dialog.is_visible()
    assert editor.locator("a").get_attribute("href") == "https://example.org/guide"
    assert editor.locator("a").inner_text() == "Read the guide"
