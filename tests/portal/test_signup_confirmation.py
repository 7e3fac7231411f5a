"""Confirming the sign-up email signs the person in and takes them where they were going."""

import re

from django.core import mail
from django.urls import reverse

import pytest

from tests.utils import soup

pytestmark = pytest.mark.django_db
PASSWORD = "Newcomers-welcome-2026"


def confirmation_link(message):
    return re.search(r"https?://[^\s]+", message.body).group(0).replace("http://testserver", "")


def sign_up(client, next_url=None):
    url = reverse("account_signup") + (f"?next={next_url}" if next_url else "")
    return client.post(
        url,
        {
            "first_name": "Nadia",
            "last_name": "Haddad",
            "email": "nadia@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            **({"next": next_url} if next_url else {}),
        },
    )


def test_confirming_signs_in_and_returns_to_where_the_person_was_going(client, home):
    going_to = reverse("organisation_list")
    response = sign_up(client, going_to)
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session

    response = client.post(confirmation_link(mail.outbox[-1]))
    assert response.status_code == 302
    assert response["Location"] == going_to
    page = client.get(going_to)
    assert "Sign out" in page.content.decode()


def test_confirming_without_a_destination_lands_on_my_submissions(client, home):
    sign_up(client)
    response = client.post(confirmation_link(mail.outbox[-1]))
    assert response["Location"] == reverse("my_submissions")
    assert client.get(reverse("my_submissions")).status_code == 200


def test_the_sign_up_link_in_the_header_keeps_the_current_page(client, home):
    page = soup(client.get(reverse("organisation_list")))
    link = page.select_one(".user-nav").find("a", string="Sign up")
    assert link["href"] == reverse("account_signup") + "?next=" + reverse("organisation_list")
