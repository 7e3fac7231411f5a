"""The language switcher keeps what the reader was looking at (filters, month) and names each
language in that language, capitalised as a menu item."""

import pytest

from tests.utils import soup

pytestmark = pytest.mark.django_db


def switcher(response):
    return {a["hreflang"]: a for a in soup(response).select(".lang-switch a")}


def test_switching_language_keeps_the_librarys_filters(client, library, make_practice):
    make_practice(title="Shared flats", action_areas=["housing"], countries=["se"])
    links = switcher(client.get(library.url + "?area=housing&country=se&sort=title"))
    assert links["sv"]["href"] == "/sv/practices/?area=housing&country=se&sort=title"
    assert links["ar"]["href"] == "/ar/practices/?area=housing&country=se&sort=title"
    filtered = soup(client.get(links["sv"]["href"]))
    assert filtered.select_one('input[name="area"][value="housing"]').has_attr("checked")


def test_switching_language_keeps_the_events_month_and_filters(client, events_page):
    links = switcher(client.get(events_page.url + "?view=month&month=2031-03&country=cz"))
    assert links["de"]["href"] == "/de/events/?view=month&month=2031-03&country=cz"
    month = soup(client.get(links["de"]["href"])).select_one("#results-heading")
    assert month.get_text(strip=True) == "März 2031"


def test_switching_language_on_the_search_page_keeps_the_query(client, home):
    links = switcher(client.get("/en/search/?q=housing"))
    assert links["fr"]["href"] == "/fr/search/?q=housing"


def test_a_page_without_a_query_string_links_plainly(client, library):
    assert switcher(client.get(library.url))["sv"]["href"] == "/sv/practices/"


def test_each_language_is_named_in_itself_capitalised(client, home):
    names = {}
    for code, link in switcher(client.get("/en/")).items():
        for note in link.select(".lang-switch__missing"):  # "· not translated yet"
            note.decompose()
        names[code] = link.get_text(strip=True)
    assert names["cs"] == "Čeština"
    assert names["sk"] == "Slovenčina"
    assert names["da"] == "Dansk"
    assert names["hr"] == "Hrvatski"
    assert names["sv"] == "Svenska"
    assert names["de"] == "Deutsch"
    assert names["mt"] == "Malti"
    assert names["ga"] == "Gaeilge"
    assert names["uk"] == "Українська"
    assert names["ar"] == "العربية"
    assert all(name[0] == name[0].upper() for name in names.values())
    current = soup(client.get("/sv/")).select_one(".lang-switch summary").get_text(strip=True)
    assert current.endswith("Svenska")
