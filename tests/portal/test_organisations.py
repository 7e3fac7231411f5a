"""An organisation's public profile lists its published practices, and only those."""

from types import SimpleNamespace

import pytest

from portal.demo.organisations import generate, load_organisations
from portal.models import Organisation
from tests.utils import card_titles, soup, text

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
    assert "Practices led by this organisation (1)" in page
    assert "Partner in (1)" in page


def test_a_profile_in_another_language_than_the_readers_is_marked_as_such(
    client, make_organisation
):
    make_organisation(
        "municipality", "se", name="City of Norrvik", slug="norrvik", description="A town."
    )
    arabic = soup(client.get("/ar/organisations/norrvik/"))
    assert arabic.html["dir"] == "rtl"
    for element in (arabic.h1, arabic.select_one(".org-head .lead")):
        assert (element["lang"], element["dir"]) == ("en", "ltr")


def test_practice_links_to_its_organisation(client, organisation, make_practice):
    practice = make_practice(title="Language café", organisation=organisation)
    response = client.get(practice.url)
    assert f'href="{organisation.get_absolute_url()}"' in response.content.decode()


def test_unknown_organisation_is_404(client, home):
    assert client.get("/en/organisations/nobody/").status_code == 404


def section_titles(response, heading_id):
    section = soup(response).find("h2", id=heading_id).find_parent("section")
    return [a.get_text(strip=True) for a in section.select(".card__title a")]


def test_profile_shows_each_practice_once_in_the_readers_language_led_apart_from_partner(
    client, make_organisation, make_practice
):
    vasterby = make_organisation("municipality", "se", name="Västerby", slug="vasterby")
    other = make_organisation("ngo", "se", name="Welcome House", slug="welcome-house")
    guide = make_practice(title="Welcome guide", organisation=vasterby)
    make_practice(
        language="sv",
        title="Välkomstguide",
        organisation=vasterby,
        translation_key=guide.translation_key,
    )
    make_practice(
        language="de",
        title="Willkommensleitfaden",
        organisation=vasterby,
        translation_key=guide.translation_key,
    )
    make_practice(title="Job coaching", organisation=vasterby)
    make_practice(title="Health circles", organisation=other, partner_organisations=[vasterby])

    english = client.get("/en/organisations/vasterby/")
    assert sorted(section_titles(english, "org-practices")) == ["Job coaching", "Welcome guide"]
    assert section_titles(english, "org-partner-practices") == ["Health circles"]
    assert "Practices led by this organisation (2)" in text(english)

    swedish = client.get("/sv/organisations/vasterby/")
    assert sorted(section_titles(swedish, "org-practices")) == ["Job coaching", "Välkomstguide"]

    directory = soup(client.get("/en/organisations/"))
    row = directory.find("a", string="Västerby").find_parent("tr")
    assert row.select("td")[-1].get_text(strip=True) == "2"


def test_partner_in_is_paginated_apart_from_the_led_practices(
    client, make_organisation, make_practice
):
    vasterby = make_organisation("municipality", "se", name="Västerby", slug="vasterby")
    other = make_organisation("ngo", "se", name="Welcome House", slug="welcome-house")
    for number in range(14):
        make_practice(
            title=f"Partner practice {number:02}",
            organisation=other,
            partner_organisations=[vasterby],
        )
    make_practice(title="Job coaching", organisation=vasterby)

    first = client.get("/en/organisations/vasterby/")
    assert "Partner in (14)" in text(first)
    assert len(section_titles(first, "org-partner-practices")) == 12
    partner = soup(first).find("h2", id="org-partner-practices").find_parent("section")
    next_link = partner.select_one(".pagination a[rel=next]")
    assert next_link["href"] == "?partner_page=2#org-partner-practices"
    assert "Page 1 of 2" in partner.get_text()

    second = client.get("/en/organisations/vasterby/" + next_link["href"].split("#")[0])
    assert len(section_titles(second, "org-partner-practices")) == 2
    assert section_titles(second, "org-practices") == ["Job coaching"]  # the led list stays


def test_old_demo_addresses_with_a_or_b_prefix_redirect_permanently(client, make_organisation):
    make_organisation("ngo", "se", name="Nyanländas röst", slug="nyanlandas-rost")
    response = client.get("/sv/organisations/a-nyanlandas-rost/")
    assert response.status_code == 301
    assert response["Location"] == "/sv/organisations/nyanlandas-rost/"
    assert client.get("/sv/organisations/b-no-such-organisation/").status_code == 404


def test_demo_organisations_have_plain_slugs_and_old_ones_are_renamed(make_organisation):
    assert not [o["slug"] for o in load_organisations() if o["slug"][:2] in {"a-", "b-"}]
    first = load_organisations()[0]
    old = make_organisation("municipality", "se", name=first["name"], slug="a-" + first["slug"])
    generate(SimpleNamespace(organisations={}))
    old.refresh_from_db()
    assert old.slug == first["slug"]  # renamed, not created a second time
    assert not Organisation.objects.filter(slug__startswith="a-").exists()
