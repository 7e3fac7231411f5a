"""Signing in through the portal's own form in Chromium, with the second factor if asked."""

import time

from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)

TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
MEMBER_PASSWORD = "Newcomers-welcome-2026"  # the `member` fixture's (conftest.py)


def sign_in(page, base, email, password, *, totp_secret=None):
    """Sign in and wait until the portal has answered (the next page is loaded)."""
    page.goto(base + "/en/accounts/login/")
    page.fill("main input[name=login]", email)
    page.fill("main input[name=password]", password)
    page.click("main form button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    if totp_secret is None:
        return
    for _attempt in range(2):
        counter = next(yield_hotp_counters_from_time())
        page.fill("input[name=code]", format_hotp_value(hotp_value(totp_secret, counter)))
        page.click("main form button[type=submit]")
        page.wait_for_load_state("networkidle")
        if not page.locator("input[name=code]").count():
            return
        # The code's 30-second period ended between reading and checking it: take the next.
        time.sleep(30 - time.time() % 30 + 1)
    raise AssertionError(f"{email} could not sign in with the second factor")
