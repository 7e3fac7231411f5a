"""Organisation profiles show their practices' expert validations: how many are validated,
each practice linked, expired validations marked as such."""

import pytest

from tests.utils import soup, text

from . import test_library
from .test_dashboard_exchange import validate

practices = test_library.practices

pytestmark = pytest.mark.django_db


def section(client, organisation):
    page = soup(client.get(organisation.get_absolute_url()))
    heading = page.find("h2", id="org-validations")
    return heading and heading.find_parent("section")


def test_the_profile_lists_validated_practices_and_marks_expired_ones(client, practices):
    ngo = practices["mentoring"].organisation
    validate(practices["mentoring"], 200)
    validate(practices["housing"], -10)
    shown = section(client, ngo)
    assert "1 of its practices is validated by experts." in shown.get_text(" ", strip=True)
    items = {li.a.get_text(strip=True): li for li in shown.select("li")}
    assert items["Job mentoring for women"].a["href"] == practices["mentoring"].url
    assert "Validated by experts" in items["Job mentoring for women"].get_text()
    assert "Validation expired on" in items["Shared flats with students"].get_text()
    assert "Validated by Integration Experts on" in items["Shared flats with students"].get_text()


def test_several_are_counted(client, practices, make_practice):
    ngo = practices["mentoring"].organisation
    for page in (practices["mentoring"], practices["housing"]):
        validate(page, 100)
    validate(make_practice(title="Third", organisation=ngo), 100)
    assert "3 of its practices are validated by experts." in text(
        client.get(ngo.get_absolute_url())
    )


def test_no_section_without_validations(client, practices):
    assert section(client, practices["cafe"].organisation) is None
