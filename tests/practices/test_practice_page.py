"""What a reader sees on a practice page."""

import datetime

import pytest

from portal.i18n import reader_url
from tests.utils import soup, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice(make_practice, make_organisation):
    owner = make_organisation("ngo", "se", name="Welcome House", slug="welcome-house")
    partner = make_organisation("academia", "se", name="Norrvik University", slug="norrvik-uni")
    return make_practice(
        title="Språkcafé på biblioteket",
        language="sv",
        summary="Nyanlända övar svenska med volontärer varje vecka.",
        organisation=owner,
        partner_organisations=[partner],
        countries=["se"],
        region_city="Norrvik",
        action_areas=["education-and-training"],
        sub_themes=["language-learning"],
        target_groups=["refugees", "women"],
        funding_instruments=["amif"],
        people_reached=1250,
        budget_amount=450000,
        budget_currency="SEK",
        start_date="2019-09-01",
        challenge="<p>Många nyanlända saknar någon att prata svenska med.</p>",
        approach="<p>Volontärer leder samtalsgrupper.</p>",
        results="<p>80 % av deltagarna talar mer svenska.</p>",
        evidence_level="external",
        migrant_participation="with-migrants",
    )


def test_shows_structured_sections_and_key_facts(client, practice):
    response = client.get(reader_url(practice, "en"))
    assert response.status_code == 200
    page = text(response)
    for expected in [
        "Språkcafé på biblioteket",
        "Challenge addressed and goals",
        "Approach and activities",
        "Results and evidence of success",
        "Welcome House",
        "Norrvik University",
        "Norrvik, Sweden",
        "Language learning",
        "Refugees, Women",
        "Asylum, Migration and Integration Fund (AMIF)",
        "1,250",
        "SEK450,000",
        "Externally evaluated",
        "Designed or run with migrants",
        "Swedish",
        "Since September 2019",
        "Ongoing",
    ]:
        assert expected in page, expected
    # Sections left empty are not shown as empty headings.
    assert "What did not work" not in page


def test_content_is_marked_with_its_language(client, practice):
    html = soup(client.get(reader_url(practice, "en")))
    assert html.select_one(".practice__head")["lang"] == "sv"
    assert html.find("html")["lang"] == "en"


def test_out_of_date_note_after_two_years(client, practice):
    assert "may be out of date" not in text(client.get(reader_url(practice, "en")))
    practice.last_confirmed = datetime.date.today() - datetime.timedelta(days=800)
    practice.save_revision().publish()
    assert "This page may be out of date" in text(client.get(reader_url(practice, "en")))


def test_unpublished_practice_is_not_found(client, practice):
    practice.unpublish()
    assert client.get(reader_url(practice, "en")).status_code == 404


def test_where_has_no_dangling_comma_without_a_country(client, make_practice):
    practice = make_practice(title="Local mentoring", region_city="Västerby", countries=[])
    facts = soup(client.get(practice.url)).select_one(".facts")
    where = facts.find("dt", string="Where").find_next_sibling("dd").get_text(strip=True)
    assert where == "Västerby"


def test_where_joins_city_and_countries(client, practice):
    facts = soup(client.get(practice.url)).select_one(".facts")
    where = facts.find("dt", string="Var").find_next_sibling("dd").get_text(strip=True)
    assert where == "Norrvik, Sverige"
