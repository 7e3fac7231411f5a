""" "Download as PDF": a practice's title, summary, key facts and sections, the addresses of its
links, labelled in the reader's language; Arabic shaped and readable."""

import io

from django.urls import reverse

import pytest
from pypdf import PdfReader

from portal.i18n import reader_url
from tests.utils import soup

pytestmark = pytest.mark.django_db


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture
def practice(make_practice, make_organisation):
    owner = make_organisation("ngo", "se", name="Welcome House", slug="welcome-house")
    return make_practice(
        title="Language café at the library",
        summary="Newcomers practise Swedish with volunteers every week.",
        organisation=owner,
        countries=["se"],
        region_city="Norrvik",
        action_areas=["education-and-training"],
        target_groups=["refugees"],
        people_reached=1250,
        start_date="2019-09-01",
        challenge="<p>Many newcomers have nobody to speak Swedish with.</p>",
        approach=(
            "<p>Volunteers lead conversation groups.</p><ul><li>Weekly groups</li>"
            '<li>A <a href="https://example.org/guide">guide</a> for volunteers</li></ul>'
        ),
        results="<h3>After one year</h3><p>80% of participants speak more Swedish.</p>",
    )


def test_the_practice_page_offers_the_pdf_and_it_holds_the_whole_practice(client, practice):
    page = soup(client.get(practice.url))
    link = page.find("a", string="Download as PDF")
    response = client.get(link["href"])
    assert response.status_code == 200
    assert 'filename="' in response["Content-Disposition"]
    text = pdf_text(response)
    for expected in [
        "Language café at the library",
        "Newcomers practise Swedish with volunteers every week.",
        "Key facts",
        "Organisation Welcome House",
        "Where Norrvik, Sweden",
        "People reached 1,250",
        "Target groups Refugees",
        "Challenge addressed and goals",
        "Many newcomers have nobody to speak Swedish with.",
        "Approach and activities",
        "• Weekly groups",
        "guide (https://example.org/guide) for volunteers",
        "After one year",
        "80% of participants speak more Swedish.",
        practice.get_full_url(),
    ]:
        assert expected in text, expected


def test_the_labels_are_in_the_readers_language(client, practice, translate):
    swedish = translate(practice, "sv", {"Language café at the library": "Språkcafé"})
    link = soup(client.get(reader_url(swedish, "sv"))).find("a", download=True)
    assert link["href"].startswith("/sv/")
    response = client.get(link["href"])
    text = pdf_text(response)
    assert "Språkcafé" in text
    assert "Fakta i korthet" in text  # "Key facts"


def test_arabic_is_shaped_and_reads_back(client, make_practice):
    arabic = make_practice(
        language="ar",
        title="مقهى اللغة",
        summary="يتدرّب القادمون الجدد على اللغة مع متطوعين كل أسبوع.",
        approach="<p>يقود المتطوعون مجموعات محادثة.</p>",
    )
    response = client.get(reverse("practice_pdf", args=[arabic.pk]).replace("/en/", "/ar/", 1))
    text = pdf_text(response)
    assert "مقهى" in text or "ﻣﻘﻬﻰ" in text, text[:300]


def test_a_restricted_or_unknown_practice_has_no_pdf(client, practice):
    practice.unpublish()
    assert client.get(reverse("practice_pdf", args=[practice.pk])).status_code == 404
    assert client.get(reverse("practice_pdf", args=[999999])).status_code == 404
