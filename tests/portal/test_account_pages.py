"""The sign-up page in the portal's words, with a link to the privacy notice in the reader's
language; the account pages show the current address whole, beside the account menu."""

from django.urls import reverse

import pytest

from portal.models import StandardPage
from tests.utils import soup, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def privacy(home):
    page = home.add_child(instance=StandardPage(title="Privacy notice", slug="privacy"))
    page.save_revision().publish()
    return page


def test_sign_up_says_what_an_account_is_for_and_links_the_privacy_notice(client, privacy):
    response = client.get(reverse("account_signup"))
    page = soup(response)
    assert page.h1.get_text(strip=True) == "Create an account"
    shown = text(response)
    assert "share your organisation's good practices and events" in shown
    assert "Reading the library needs no account." in shown
    assert page.find("a", string="Sign in", href=reverse("account_login"))
    assert page.find("a", string="privacy notice")["href"] == privacy.url
    assert page.select_one("main button[type=submit]").get_text(strip=True) == "Create account"


def test_sign_up_without_a_privacy_page_still_says_how_addresses_are_used(client, home):
    response = client.get(reverse("account_signup"))
    assert "never show your address to other members" in text(response)
    assert soup(response).find("a", string="privacy notice") is None


def test_sign_up_still_creates_the_account(client, home, mailoutbox, django_user_model):
    client.post(
        reverse("account_signup"),
        {
            "first_name": "Lina",
            "last_name": "Haddad",
            "email": "lina@example.org",
            "password1": "Newcomers-welcome-2026",
            "password2": "Newcomers-welcome-2026",
        },
    )
    assert django_user_model.objects.filter(email="lina@example.org").exists()
    assert len(mailoutbox) == 1


def test_the_email_page_shows_the_address_as_text_beside_the_menu(client, make_user):
    client.force_login(make_user("a.very-long-address@norrvik-municipality.example.org"))
    page = soup(client.get(reverse("account_email")))
    main = page.select_one(".account--wide > .account__main")
    assert main.h1 is not None and main.form is not None
    current = main.select_one("#current_email")
    assert current.get_text(strip=True) == "a.very-long-address@norrvik-municipality.example.org"
    assert page.select_one(".account--wide > .account-nav") is not None
