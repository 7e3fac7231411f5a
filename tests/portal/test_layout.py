"""Pages outside the page tree carry the same breadcrumb as the library and events; the footer's
Sitemap is a page for people; search with no results shows no empty filter box; home and
search keep one search box on phones."""

from django.urls import reverse

import pytest

from tests.utils import soup

pytestmark = pytest.mark.django_db


def crumbs(response):
    nav = soup(response).select_one("nav.breadcrumbs")
    return [item.get_text(strip=True) for item in nav.select("li")]


def test_pages_outside_the_tree_have_a_breadcrumb(client, library, make_user, join):
    assert crumbs(client.get(reverse("search"))) == ["Home", "Search"]
    assert crumbs(client.get(reverse("organisation_list"))) == ["Home", "Organisations"]
    assert crumbs(client.get(reverse("account_signup"))) == ["Home", "Account"]
    assert crumbs(client.get(reverse("account_login"))) == ["Home", "Account"]
    assert crumbs(client.get(reverse("sitemap_page"))) == ["Home", "Sitemap"]
    client.force_login(make_user("ann@example.org"))
    propose = client.get(reverse("organisation_propose"))
    assert crumbs(propose) == ["Home", "Organisations", "Propose a new organisation"]
    assert soup(propose).select_one("nav.breadcrumbs a[href='/en/organisations/']")


def test_the_form_pages_have_a_breadcrumb(client, library, make_user, make_organisation, join):
    member = make_user("ann@norrvik.example.org")
    join(member, make_organisation("municipality", "se", name="City of Norrvik", slug="norrvik"))
    client.force_login(member)
    assert crumbs(client.get(reverse("practice_submit"))) == [
        "Home",
        "My submissions",
        "Submit a practice",
    ]
    assert crumbs(client.get(reverse("event_submit"))) == [
        "Home",
        "My submissions",
        "Announce an event",
    ]


def test_the_footer_sitemap_is_an_html_page_listing_the_sections(client, library):
    home = soup(client.get("/en/"))
    link = home.select_one(".site-footer").find("a", string="Sitemap")
    assert link["href"] == reverse("sitemap_page") == "/en/sitemap/"
    page = soup(client.get(link["href"]))
    assert page.h1.get_text(strip=True) == "Sitemap"
    links = {a.get_text(strip=True): a["href"] for a in page.select("main a")}
    assert links["Organisations"] == "/en/organisations/"
    assert links["Search"] == "/en/search/"
    assert links["Sign up"] == reverse("account_signup")
    assert links["XML sitemap"] == "/sitemap.xml"
    swedish = soup(client.get("/sv/sitemap/"))
    assert swedish.find("a", string="Organisationer")["href"] == "/sv/organisations/"


def test_no_results_leave_no_empty_filter_box(client, make_practice):
    make_practice(title="Homework club", action_areas=["education-and-training"])
    found = soup(client.get(reverse("search"), {"q": "homework"}))
    assert found.select_one("form.filters")
    nothing = soup(client.get(reverse("search"), {"q": "zzyzx-nothing"}))
    assert nothing.select_one("form.filters") is None
    assert "No practices found" in nothing.get_text()
    assert nothing.select_one(".library.library--no-filters")


def test_home_and_search_mark_their_own_search_box(client, library):
    """portal.css hides the header's search box on phones for these body classes."""
    assert "home" in soup(client.get("/en/")).body["class"]
    assert "search-page" in soup(client.get(reverse("search"))).body["class"]
