"""In Chromium: an editor signs in and lands on the review queue; approving a page, or asking
for changes with a comment, brings them back to it."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP

from submissions.moderation import submit_for_review
from tests.browser.signing_in import TOTP_SECRET, sign_in
from tests.browser.test_accessibility import serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Newcomers-welcome-2026"


@pytest.fixture
def waiting(make_user, make_organisation, join, make_practice):
    organisation = make_organisation("municipality", "se", name="City of Norrvik", slug="norrvik")
    member = make_user("ann@norrvik.example.org", password=PASSWORD)
    join(member, organisation)
    for title in ("Homework club", "Language café"):
        practice = make_practice(title=title, organisation=organisation, live=False)
        practice.save_revision(user=member)
        submit_for_review(practice, member)
    editor = make_user("editor@integra.example.org", editor=True, password=PASSWORD)
    Authenticator.objects.filter(user=editor).delete()
    TOTP.activate(editor, TOTP_SECRET)


def test_editor_lands_on_the_queue_and_returns_to_it_after_each_decision(
    waiting, live_server, page
):
    base = live_server.url
    page.set_viewport_size({"width": 1400, "height": 1000})
    sign_in(page, base, "editor@integra.example.org", PASSWORD, totp_secret=TOTP_SECRET)

    assert page.url == base + "/admin/review-queue/"
    page.wait_for_selector("text=Review queue (2)")  # in the sidebar menu
    page.reload()  # without Wagtail's own "signed in" message (its colours are Wagtail's)
    assert serious_violations(page) == []

    page.click("text=Homework club")
    page.get_by_role("button", name="More actions").last.click()
    page.get_by_role("button", name="Approve and Publish", exact=True).click()
    page.wait_for_url(base + "/admin/review-queue/")
    assert "Language café" in page.content()
    page.wait_for_selector("text=Review queue (1)")

    page.click("text=Language café")
    page.get_by_role("button", name="More actions").last.click()
    page.get_by_role("button", name="Request changes", exact=True).click()
    page.fill("textarea[name=comment]", "Please add the budget.")
    page.locator(".modal").get_by_role("button", name="Request changes").click()
    page.wait_for_url(base + "/admin/review-queue/")
    assert "Nothing is waiting for review." in page.content()
