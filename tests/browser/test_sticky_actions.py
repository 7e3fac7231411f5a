"""In Chromium at 390 px: the sticky Save / Preview / Submit bar of the practice form stays one
row of large enough buttons, and a field that gets the focus is not hidden behind it."""

import pytest

from tests.browser.signing_in import MEMBER_PASSWORD as PASSWORD
from tests.browser.signing_in import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_action_bar_is_one_row_and_leaves_focused_fields_visible(member, live_server, page):
    page.set_viewport_size({"width": 390, "height": 800})
    sign_in(page, live_server.url, "ann@norrvik.example.org", PASSWORD)
    page.goto(live_server.url + "/en/my/practices/new/")
    bar = page.locator(".form-actions").first
    buttons = bar.locator("button")
    tops = [b.bounding_box()["y"] for b in buttons.all()]
    assert len(tops) == 3
    assert max(tops) - min(tops) < 20, "the buttons wrap onto several rows"
    assert all(b.bounding_box()["height"] >= 44 for b in buttons.all())
    assert bar.bounding_box()["height"] < 120
    # Tab onto a field in the middle of the long form: it shows above the bar, not under it.
    field = page.locator("#id_budget_amount")
    field.focus()
    box, bar_box = field.bounding_box(), bar.bounding_box()
    assert box["y"] + box["height"] <= bar_box["y"]
