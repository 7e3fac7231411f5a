"""Sanitised payloads rendered by a real browser: no dialog opens, no script runs, no handler
or dangerous element remains in the DOM."""

import pytest

from portal.sanitize import clean_html
from tests.test_sanitize import PAYLOADS

pytestmark = pytest.mark.browser

INSPECT = """() => {
  const bad = [];
  for (const el of document.querySelectorAll("body *")) {
    for (const attr of el.attributes) {
      if (attr.name.toLowerCase().startsWith("on") || attr.name === "style" || attr.name === "src") bad.push(el.tagName + " " + attr.name);
    }
    if (["SCRIPT", "IFRAME", "OBJECT", "EMBED", "SVG", "MATH", "STYLE", "LINK", "META", "BASE", "FORM", "IMG", "VIDEO", "AUDIO", "INPUT", "TEXTAREA", "BUTTON"].includes(el.tagName.toUpperCase())) bad.push(el.tagName);
    if (el.tagName === "A" && !/^(https?:|mailto:)/i.test(el.getAttribute("href") || "")) bad.push("A " + el.getAttribute("href"));
  }
  return bad;
}"""


def test_sanitised_payloads_are_inert_in_chromium(page):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    body = "\n".join(f"<div>{clean_html(payload)}</div>" for payload in PAYLOADS)
    page.set_content(
        "<!doctype html><html><head><title>x</title>"
        "<script>window.__ran = 0; for (const f of ['alert','prompt','confirm']) "
        "{ const o = window[f]; window[f] = (...a) => { window.__ran++; return o.apply(window, a); }; }"
        f"</script></head><body>{body}</body></html>"
    )
    page.wait_for_timeout(500)
    # Hover and focus everything, as a user would, to trigger any handler left behind.
    for element in page.query_selector_all("body *")[:2000]:
        element.dispatch_event("mouseover")
        element.dispatch_event("focus")
    assert page.evaluate(INSPECT) == []
    assert page.evaluate("window.__ran") == 0
    assert dialogs == []
