"""Site-wide smoke tests: every page type answers, with exactly one <h1>; nothing is pending."""

import re
from io import StringIO

from django.core.management import call_command

import pytest

from portal.models import StandardPage

pytestmark = pytest.mark.django_db


def h1_count(response):
    return len(re.findall(rb"<h1[\s>]", response.content))


@pytest.fixture
def site_pages(home, make_practice, organisation):
    practice = make_practice(title="Language café in the library", organisation=organisation)
    about = home.add_child(instance=StandardPage(title="About Integra", slug="about"))
    return {
        "home": "/en/",
        "library": "/en/practices/",
        "practice": practice.url,
        "standard page": about.url,
        "organisation": organisation.get_absolute_url(),
        "search": "/en/search/?q=language",
        "empty search": "/en/search/",
    }


def test_every_page_type_answers_with_one_h1(client, site_pages):
    for name, url in site_pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert h1_count(response) == 1, name


def test_unknown_page_is_a_friendly_404(client, home):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert h1_count(response) == 1


def test_sitemap_lists_live_pages(client, site_pages):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert site_pages["practice"].encode() in response.content


def test_robots_txt_points_to_sitemap(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert b"Sitemap:" in response.content


def test_no_model_change_lacks_a_migration():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()
