"""`manage.py seed_demo` loads rich demo content; running it twice changes nothing."""

from io import StringIO

from django.core.management import call_command

from wagtail.documents import get_document_model

import pytest

from portal.models import CustomImage, Organisation, OrganisationType, StandardPage
from practices.models import PracticePage
from tests.utils import card_titles

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        PracticePage.objects.count(),
        Organisation.objects.count(),
        StandardPage.objects.count(),
        CustomImage.objects.count(),
        get_document_model().objects.count(),
    )


def test_seed_demo_is_rich_and_idempotent(client, home):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "Demo content ready" in out.getvalue()
    first = snapshot()
    call_command("seed_demo", stdout=StringIO())
    assert snapshot() == first

    practices = PracticePage.objects.live()
    assert practices.count() >= 40
    for practice in practices:
        practice.full_clean()  # demo content passes the editors' validation
    assert all(p.revisions.exists() for p in practices)
    countries = {code for p in practices for code in p.countries.values_list("code", flat=True)}
    assert len(countries) >= 12
    languages = set(practices.values_list("original_language", flat=True))
    assert {"sv", "de", "fr", "it", "es", "pl", "en"} <= languages
    used_types = set(
        practices.values_list("organisation__organisation_type__code", flat=True)
    ) | set(Organisation.objects.values_list("organisation_type__code", flat=True))
    assert used_types == set(OrganisationType.objects.values_list("code", flat=True))
    for area in ["education-and-training", "employment-and-skills", "health", "housing"]:
        assert practices.filter(action_areas__code=area).count() >= 4, area
    assert get_document_model().objects.filter(file__endswith=".pdf").count() >= 3
    assert practices.exclude(image=None).count() == practices.count()
    assert any(p.may_be_out_of_date for p in practices)

    response = client.get("/en/practices/?sort=title")
    assert len(card_titles(response)) == 12
    assert client.get("/en/about/").status_code == 200
    pdf = get_document_model().objects.first()
    with pdf.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
