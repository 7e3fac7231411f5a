"""Accounts through django-allauth: sign-up with verification, reset, email change, rate
limits, no enumeration, deletion, and two-factor authentication required for editors."""

import re

from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.urls import reverse

import pytest
from allauth.account.models import EmailAddress

from portal.models import Membership, User
from practices.models import PracticePage
from tests.utils import text

pytestmark = pytest.mark.django_db
PASSWORD = "Newcomers-welcome-2026"


def link_in(message):
    return re.search(r"https?://[^\s]+", message.body).group(0)


def signup(client, email="nadia@example.org"):
    return client.post(
        reverse("account_signup"),
        {
            "first_name": "Nadia",
            "last_name": "Haddad",
            "email": email,
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )


def test_signup_requires_email_verification(client, home):
    response = signup(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="nadia@example.org")
    assert user.get_full_name() == "Nadia Haddad"
    assert len(mail.outbox) == 1
    assert "Confirm" in mail.outbox[0].subject or "confirm" in mail.outbox[0].body

    # Unverified: signing in only resends the verification.
    client.logout()
    response = client.post(
        reverse("account_login"), {"login": "nadia@example.org", "password": PASSWORD}
    )
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session

    confirm = link_in(mail.outbox[-1]).replace("http://testserver", "")
    client.post(confirm)
    assert EmailAddress.objects.get(email="nadia@example.org").verified
    assert client.get(reverse("my_submissions")).status_code == 200


def test_password_reset_does_not_reveal_accounts(client, make_user):
    make_user("known@example.org")
    known = client.post(reverse("account_reset_password"), {"email": "known@example.org"})
    unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    reset = next(m for m in mail.outbox if m.to == ["known@example.org"])
    link = link_in(reset).replace("http://testserver", "")
    form = client.get(link, follow=True)
    action = form.redirect_chain[-1][0] if form.redirect_chain else link
    client.post(
        action, {"password1": "Another-strong-pass-1", "password2": "Another-strong-pass-1"}
    )
    assert client.login(email="known@example.org", password="Another-strong-pass-1")


def test_signup_with_an_existing_email_looks_the_same(client, make_user):
    make_user("taken@example.org")
    response = signup(client, "taken@example.org")
    assert response["Location"] == reverse("account_email_verification_sent")
    assert User.objects.filter(email="taken@example.org").count() == 1


class CountingHasher(MD5PasswordHasher):
    """The test hasher, counting how many passwords it hashes."""

    calls = 0

    def encode(self, password, salt):
        CountingHasher.calls += 1
        return super().encode(password, salt)


def test_signup_does_the_same_work_for_new_and_existing_addresses(client, make_user, settings):
    """Timing would tell which addresses have accounts: both answers hash the password once
    and send one email (counted, not timed, so that the test does not depend on the machine)."""
    make_user("taken@example.org")
    settings.PASSWORD_HASHERS = ["tests.portal.test_accounts.CountingHasher"]
    work = {}
    for email in ["taken@example.org", "new@example.org"]:
        CountingHasher.calls = 0
        mail.outbox.clear()
        response = signup(client, email)
        work[email] = (response.status_code, response["Location"], CountingHasher.calls)
        assert [m.to for m in mail.outbox] == [[email]]
        client.logout()
    assert work["taken@example.org"] == work["new@example.org"]
    assert work["new@example.org"][2] == 1


def test_login_is_rate_limited(client, make_user):
    make_user("target@example.org")
    for _ in range(5):
        client.post(reverse("account_login"), {"login": "target@example.org", "password": "wrong"})
    response = client.post(
        reverse("account_login"), {"login": "target@example.org", "password": "wrong"}
    )
    assert "Too many failed login attempts" in text(response)


def test_email_change_needs_re_verification(client, make_user):
    user = make_user("old@example.org")
    client.force_login(user)
    mail.outbox.clear()
    client.post(reverse("account_email"), {"email": "new@example.org", "action_add": ""})
    assert not EmailAddress.objects.get(email="new@example.org").verified
    assert User.objects.get(pk=user.pk).email == "old@example.org"
    assert any("new@example.org" in m.to for m in mail.outbox)


def test_account_deletion_keeps_the_organisations_work(
    client, make_user, organisation, join, make_practice
):
    user = make_user("leaving@example.org")
    join(user, organisation)
    practice = make_practice(title="Language café", organisation=organisation, owner=user)
    client.force_login(user)
    wrong = client.post(reverse("account_delete"), {"password": "not-mine"})
    assert "This is not your current password." in text(wrong)
    assert User.objects.filter(pk=user.pk).exists()

    client.post(reverse("account_delete"), {"password": "correct horse battery"})
    assert not User.objects.filter(email="leaving@example.org").exists()
    assert not EmailAddress.objects.filter(email="leaving@example.org").exists()
    assert not Membership.objects.filter(organisation=organisation).exists()
    practice = PracticePage.objects.get(pk=practice.pk)
    assert practice.live and practice.owner is None
    assert client.get(practice.url).status_code == 200


def test_editors_must_set_up_two_factor_authentication(client, make_user):
    from django.contrib.auth.models import Group

    editor = make_user("new-editor@example.org")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))
    # Once an authenticator is set up, the admin opens.
    from tests.conftest import with_totp

    with_totp(editor)
    assert client.get("/admin/").status_code == 200


def test_every_login_goes_through_allauth(client, home):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert client.get("/admin/").url.startswith(reverse("account_login"))
    assert client.get("/en/django-admin/").status_code == 404
    # Wagtail's own front-end login form (for restricted pages) is not served either.
    response = client.post("/_util/login/", {"username": "x", "password": "y"})
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_command_line_superusers_can_sign_in_without_email_round_trip(client, home):
    from django.core.management import call_command

    call_command("createsuperuser", email="root@example.org", interactive=False)
    user = User.objects.get(email="root@example.org")
    user.set_password(PASSWORD)
    user.save()
    response = client.post(
        reverse("account_login"), {"login": "root@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] != reverse("account_email_verification_sent")
