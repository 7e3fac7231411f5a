"""End to end in Chromium: sign up → verify → join an organisation → submit a practice →
an editor approves it → it is live and listed in the library."""

import re

from django.core import mail

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP

from tests.browser.signing_in import TOTP_SECRET, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "Newcomers-welcome-2026"


@pytest.fixture
def cast(make_user, make_organisation, join):
    organisation = make_organisation("municipality", "se", name="City of Norrvik", slug="norrvik")
    manager = make_user("manager@norrvik.example.org", password=PASSWORD)
    join(manager, organisation, role="manager")
    editor = make_user("editor@integra.example.org", editor=True, password=PASSWORD)
    Authenticator.objects.filter(user=editor).delete()
    TOTP.activate(editor, TOTP_SECRET)
    return {"organisation": organisation}


def test_from_sign_up_to_published_practice(cast, live_server, browser):
    base = live_server.url
    member = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()

    # 1. Sign up and verify the email address.
    member.goto(base + "/accounts/signup/")
    member.fill("#id_first_name", "Nadia")
    member.fill("#id_last_name", "Haddad")
    member.fill("#id_email", "nadia@norrvik.example.org")
    member.fill("#id_password1", PASSWORD)
    member.fill("#id_password2", PASSWORD)
    member.click("main form button[type=submit]")
    assert member.locator("h1").inner_text() == "Verify Your Email Address"
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[-1].body).group(0)
    member.goto(base + link.split("testserver", 1)[-1] if "testserver" in link else link)
    member.click("main form button[type=submit]")

    # 2. Ask to join the organisation.
    member.goto(base + "/en/organisations/norrvik/")
    member.fill("textarea[name=message]", "I run the homework club.")
    member.click("text=Ask to join")
    assert "has been sent" in member.content()

    # 3. The manager accepts.
    manager = browser.new_context().new_page()
    sign_in(manager, base, "manager@norrvik.example.org", PASSWORD)
    manager.goto(base + "/en/organisations/norrvik/members/")
    manager.click("button[value=accept]")
    assert "is now a member" in manager.content()

    # 4. The member writes and submits a practice.
    member.goto(base + "/en/my/practices/new/")
    member.fill("#id_title", "Homework club in the library")
    member.fill("#id_summary", "Volunteers help pupils who arrived recently with their homework.")
    member.check("text=Sweden")
    member.check("text=Education and training")
    member.fill("#id_start_date", "2022-09-01")
    member.click("#id_approach + .rich-editor__toolbar + .rich-editor__area")
    member.keyboard.type("Volunteers and teachers meet pupils twice a week.")
    member.check("#id_licence_consent")  # the open-data licence, named and linked above it
    member.click("button[value=submit]")
    assert "waiting for an editor" in member.content()
    assert "In review" in member.content()

    # 5. An editor signs in with two-factor authentication and approves it.
    editor = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    sign_in(editor, base, "editor@integra.example.org", PASSWORD, totp_secret=TOTP_SECRET)
    editor.goto(base + "/admin/review-queue/")
    editor.click("text=Homework club in the library")
    editor.get_by_role("button", name="More actions").last.click()
    editor.get_by_role("button", name="Approve and Publish", exact=True).click()
    editor.wait_for_load_state("networkidle")

    # 6. The practice is live and listed.
    visitor = browser.new_context().new_page()
    visitor.goto(base + "/en/practices/")
    assert "Homework club in the library" in visitor.content()
    visitor.click("text=Homework club in the library")
    assert visitor.locator("h1").inner_text() == "Homework club in the library"
    assert any(
        "Published" in m.subject and m.to == ["nadia@norrvik.example.org"] for m in mail.outbox
    )
