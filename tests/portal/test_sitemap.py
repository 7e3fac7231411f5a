"""The sitemap lists every address on BASE_URL, the portal's one public address."""

import re

import pytest

pytestmark = pytest.mark.django_db
BASE_URL = "https://integra.example.eu"


def test_sitemap_locations_use_base_url(client, settings, make_practice, make_event):
    settings.WAGTAILADMIN_BASE_URL = BASE_URL
    practice = make_practice(title="Language café")
    make_event(title="Open day")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
    assert f"{BASE_URL}{practice.url}" in locations
    assert len(locations) >= 3
    assert all(location.startswith(BASE_URL + "/") for location in locations), locations
