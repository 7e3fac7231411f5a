"""Only public content in the API, ever: no draft, no login-, password- or group-restricted
practice or event, no proposed organisation, on both search engines."""

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

import pytest

from portal.demo import artwork
from portal.models import OrganisationStatus
from practices.models import PracticeAttachment
from tests.search.conftest import engine, engine_url, index_now, use_engine  # noqa: F401
from tests.test_visibility import HIDDEN_TITLES, hidden  # noqa: F401

pytestmark = pytest.mark.django_db


def test_only_public_practices_events_and_organisations(
    client,
    engine,  # noqa: F811
    hidden,  # noqa: F811
    make_event,
    make_organisation,
    organisation,
):
    public = hidden[0].__class__.objects.get(title="Public language café")
    for page in [public, *hidden]:
        document = get_document_model().objects.create(
            title=f"Report of {page.title}",
            file=SimpleUploadedFile("report.pdf", artwork.report_pdf("R", "O", "T")),
        )
        page.attachments = [PracticeAttachment(document=document)]
        page.save()
    event = make_event(title="Study visit", organisation=organisation)
    event.related_practices = [public, *hidden]
    event.save_revision().publish()
    draft_event = make_event(title="Draft visit", organisation=organisation, live=False)
    closed_event = make_event(title="Closed visit", organisation=organisation)
    PageViewRestriction.objects.create(page=closed_event, restriction_type="login")
    make_organisation(name="Proposed Org", slug="proposed", status=OrganisationStatus.PROPOSED)
    index_now()

    urls = [
        "/api/v1/practices",
        "/api/v1/practices?q=café",
        "/api/v1/practices?sort=title&page_size=100",
        "/api/v1/events",
        "/api/v1/events?when=past",
        "/api/v1/organisations",
        f"/api/v1/events/{event.translation_key}",
        "/catalog.ttl",
        "/catalog.jsonld",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        for title in [*HIDDEN_TITLES, "Draft visit", "Closed visit", "Proposed Org"]:
            assert title not in content, (url, title)
    listed = client.get("/api/v1/practices?q=café").json()
    assert [item["title"] for item in listed["results"]] == ["Public language café"]
    assert listed["count"] == 1
    related = client.get(f"/api/v1/events/{event.translation_key}").json()["related_practices"]
    assert [item["title"] for item in related] == ["Public language café"]
    for page in [*hidden, draft_event, closed_event]:
        kind = "events" if page.__class__.__name__ == "EventPage" else "practices"
        for suffix in ("", ".ttl") if kind == "practices" else ("",):
            url = f"/api/v1/{kind}/{page.translation_key}{suffix}"
            assert client.get(url).status_code == 404, url
    assert client.get("/api/v1/organisations/proposed").status_code == 404
