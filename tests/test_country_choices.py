"""The country choices of the submission and proposal forms are in the reader's alphabetical
order (portal.collation), not in the order of the English names."""

from django.urls import reverse
from django.utils import translation

import pytest

from tests.utils import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client, make_user, organisation, join):
    user = make_user("ann@norrvik.example.org")
    join(user, organisation)
    client.force_login(user)
    return user


def form_page(client, name, language):
    with translation.override(language):
        url = reverse(name)
    response = client.get(url)
    assert response.status_code == 200, url
    return soup(response)


def checkbox_labels(page, name):
    labels = []
    for box in page.select(f'input[type=checkbox][name="{name}"]'):
        label = page.find("label", attrs={"for": box["id"]}) or box.find_parent("label")
        labels.append(label.get_text(" ", strip=True))
    return labels


def select_labels(page, name):
    return [option.get_text(strip=True) for option in page.select(f'select[name="{name}"] option')]


def test_practice_countries_in_swedish_order(client, member):
    swedish = checkbox_labels(form_page(client, "practice_submit", "sv"), "countries")
    assert swedish[:2] == ["Albanien", "Australien"]
    # Österrike (Austria, first in English) after Tyskland and Ungern, as Swedish puts Ö last.
    assert swedish.index("Tyskland") < swedish.index("Ungern") < swedish.index("Österrike")
    assert swedish[-1] == "Österrike"
    english = checkbox_labels(form_page(client, "practice_submit", "en"), "countries")
    assert english[:3] == ["Albania", "Australia", "Austria"]
    assert english[-1] == "United States"


def test_event_country_in_the_readers_order(client, member):
    swedish = select_labels(form_page(client, "event_submit", "sv"), "country")
    assert swedish[-1] == "Österrike"
    assert swedish.index("Belgien") < swedish.index("Danmark") < swedish.index("Sverige")


def test_proposal_country_in_arabic_alphabetical_order(client, member):
    arabic = [
        label
        for label in select_labels(form_page(client, "organisation_propose", "ar"), "country")
        if label and "\u0600" <= label[0] <= "\u06ff"  # Arabic script
    ]
    assert arabic[0] == "إسبانيا"  # alef first, the hamza ignored
    assert arabic[-1] == "هولندا"
    assert arabic.index("بلجيكا") < arabic.index("قبرص") < arabic.index("هولندا")
