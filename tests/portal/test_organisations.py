"""An organisation's public profile lists its published practices, and only those."""

import pytest

from tests.utils import card_titles, text

pytestmark = pytest.mark.django_db


def test_profile_shows_details_and_published_practices(client, make_organisation, make_practice):
    norrvik = make_organisation(
        "municipality",
        "se",
        name="City of Norrvik",
        slug="norrvik",
        region_city="Norrvik",
        website="https://norrvik.example.org/",
        description="A coastal town of 40,000 people.",
    )
    partner = make_organisation("ngo", "de", name="Neighbours e.V.", slug="neighbours")
    make_practice(title="Language café", organisation=norrvik)
    make_practice(title="Joint mentoring", organisation=partner, partner_organisations=[norrvik])
    make_practice(title="Secret draft", organisation=norrvik, live=False)
    make_practice(title="Someone else's", organisation=partner)

    response = client.get("/en/organisations/norrvik/")
    assert response.status_code == 200
    page = text(response)
    assert "City of Norrvik" in page
    assert "Municipality or city" in page
    assert "Norrvik, Sweden" in page
    assert "A coastal town of 40,000 people." in page
    assert sorted(card_titles(response)) == ["Joint mentoring", "Language café"]
    assert "2 published practices" in page


def test_practice_links_to_its_organisation(client, organisation, make_practice):
    practice = make_practice(title="Language café", organisation=organisation)
    response = client.get(practice.url)
    assert f'href="{organisation.get_absolute_url()}"' in response.content.decode()


def test_unknown_organisation_is_404(client, home):
    assert client.get("/en/organisations/nobody/").status_code == 404
