"""EU funds as a way in: each funding instrument's public page says what it supports, counts
the practices it financed as the library does, and lists its open calls for proposals."""

import datetime

from wagtail.models import Locale

import pytest

from portal.models import FundingInstrument, Revision
from tests.utils import card_titles, facet_counts, soup, text

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def funded(make_practice, make_organisation):
    city = make_organisation("municipality", "se", name="City of Norrvik", slug="norrvik")
    ngo = make_organisation("ngo", "de", name="Brücke e.V.", slug="bruecke")
    make_practice(
        title="Language café",
        organisation=city,
        countries=["se"],
        action_areas=["education-and-training"],
        funding_instruments=["amif"],
    )
    make_practice(
        title="Housing first for refugees",
        organisation=ngo,
        countries=["de"],
        action_areas=["housing"],
        funding_instruments=["amif", "erdf"],
    )
    make_practice(
        title="Job coaching",
        organisation=city,
        countries=["se"],
        action_areas=["employment-and-skills"],
        funding_instruments=["esf-plus"],
    )
    return city


@pytest.fixture
def calls(make_event, funded):
    common = {"kind": "call-for-proposals", "organisation": funded, "event_format": "online"}
    return {
        "open": make_event(
            title="AMIF call: local integration 2027",
            start_date=days(-10),
            end_date=days(30),
            funding_instruments=["amif"],
            registration_url="https://calls.example.org/amif",
            **common,
        ),
        "soon": make_event(
            title="AMIF call: orientation courses",
            start_date=days(20),
            end_date=days(80),
            funding_instruments=["amif"],
            **common,
        ),
        "closed": make_event(
            title="AMIF call: last year's round",
            start_date=days(-90),
            end_date=days(-2),
            funding_instruments=["amif"],
            **common,
        ),
        "other fund": make_event(
            title="ESF+ call: job coaching",
            start_date=days(-5),
            end_date=days(40),
            funding_instruments=["esf-plus"],
            **common,
        ),
    }


def test_the_list_of_funds_links_each_page_and_the_footer_links_the_list(client, home):
    response = client.get("/en/funding/")
    assert response.status_code == 200
    links = {a.get_text(strip=True): a["href"] for a in soup(response).select(".card__title a")}
    assert links["Asylum, Migration and Integration Fund (AMIF)"] == "/en/funding/amif/"
    assert links["European Social Fund Plus (ESF+)"] == "/en/funding/esf-plus/"
    assert "language courses" in text(response)  # AMIF's description, shortened
    footer = soup(client.get("/en/")).select_one(".site-footer")
    assert footer.find("a", string="EU funds")["href"] == "/en/funding/"


def test_a_fund_page_says_what_it_supports_and_counts_as_the_library(client, funded, library):
    response = client.get("/en/funding/amif/")
    assert response.status_code == 200
    page = soup(response)
    assert page.h1.get_text(strip=True) == "Asylum, Migration and Integration Fund (AMIF)"
    assert "civic orientation" in text(response)
    assert "All 2 practices in the library" in text(response)

    def table(caption):
        found = page.find("caption", string=caption).find_parent("table")
        return {
            row.th.get_text(strip=True): (int(row.td.get_text()), row.th.a["href"])
            for row in found.tbody.find_all("tr")
        }

    areas = table("By action area")
    assert areas == {
        "Education and training": (1, "/en/practices/?funding=amif&area=education-and-training"),
        "Housing": (1, "/en/practices/?funding=amif&area=housing"),
    }
    # The same numbers as the library shows for the same filter.
    in_library = facet_counts(client.get("/en/practices/?funding=amif"), "area")
    assert in_library == {href.rsplit("=", 1)[1]: n for n, href in areas.values()}
    countries = table("By country")
    assert {name: n for name, (n, _href) in countries.items()} == {"Germany": 1, "Sweden": 1}
    library_titles = card_titles(client.get("/en/practices/?funding=amif&country=de"))
    assert library_titles == ["Housing first for refugees"]


def test_a_fund_without_practices_says_so(client, funded):
    response = client.get("/en/funding/eu4health/")
    assert "No practice in the library names this funding yet." in text(response)
    assert client.get("/en/funding/no-such-fund/").status_code == 404


def test_the_description_is_shown_in_the_readers_language_once_translated(client, funded):
    amif = FundingInstrument.objects.default_locale().get(code="amif")
    FundingInstrument.objects.create(
        code="amif",
        locale=Locale.objects.get(language_code="sv"),
        translation_key=amif.translation_key,
        name="Asyl-, migrations- och integrationsfonden (Amif)",
        description="Fonden stöder integrationen av personer från länder utanför EU.",
    )
    Revision.bump(Revision.TAXONOMY)
    page = soup(client.get("/sv/funding/amif/"))
    assert page.h1.get_text(strip=True) == "Asyl-, migrations- och integrationsfonden (Amif)"
    described = page.find(string=lambda s: s and "Fonden stöder" in s).find_parent("div")
    assert described["lang"] == "sv"
    # Not yet translated: the English text, marked as English.
    page = soup(client.get("/sv/funding/erdf/"))
    described = page.find(string=lambda s: s and "invests in regions" in s).find_parent("div")
    assert described["lang"] == "en"


def test_open_calls_of_the_fund_are_listed_soonest_deadline_first(client, calls):
    response = client.get("/en/funding/amif/")
    section = soup(response).find(id="fund-calls").find_parent("section")
    titles = [a.get_text(strip=True) for a in section.select(".card__title a")]
    assert titles == ["AMIF call: local integration 2027", "AMIF call: orientation courses"]
    badges = [badge.get_text(strip=True) for badge in section.select(".badge")]
    assert badges[0].startswith("Open until")
    assert badges[1].startswith("Opens on")
    listing = section.find("a", string=lambda s: s and "All calls for proposals" in s)["href"]
    assert listing == "/en/events/?kind=call-for-proposals&funding=amif"
    in_listing = card_titles(client.get(listing))
    assert in_listing == ["AMIF call: local integration 2027", "AMIF call: orientation courses"]


def test_a_call_page_shows_its_deadline_and_its_fund(client, calls):
    response = client.get(calls["open"].url)
    page_text = text(response)
    assert "Call for proposals" in page_text
    assert "This call is open for applications until" in page_text
    assert "Deadline for applications" in page_text
    page = soup(response)
    assert page.find("a", string="How to apply")["href"] == "https://calls.example.org/amif"
    fund = page.find("a", string="Asylum, Migration and Integration Fund (AMIF)")
    assert fund["href"] == "/en/funding/amif/"
    closed = text(client.get(calls["closed"].url))
    assert "This call for proposals is closed." in closed
    assert "How to apply" not in closed


def test_calls_are_an_event_kind_to_filter_by_and_in_the_calendar_feed(client, calls):
    counts = facet_counts(client.get("/en/events/"), "kind")
    assert counts["call-for-proposals"] == 3  # upcoming or open; the closed one is past
    feed = client.get("/en/events/feed.ics?kind=call-for-proposals&funding=esf-plus")
    assert feed.status_code == 200
    assert b"ESF+ call: job coaching" in feed.content
    assert b"AMIF call" not in feed.content


def test_practice_pages_link_their_funds(client, funded):
    response = client.get("/en/practices/?funding=erdf")
    practice = soup(response).select_one(".card__title a")["href"]
    page = soup(client.get(practice))
    assert page.find("a", string="European Regional Development Fund (ERDF)")["href"] == (
        "/en/funding/erdf/"
    )
