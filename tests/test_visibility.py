"""Nothing that is not public (draft, private, login-restricted) appears anywhere."""

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

import pytest

from portal.demo import artwork
from portal.models import CustomImage
from practices.models import PracticeAttachment, PracticePage
from tests.portal.test_images import image_bytes
from tests.search.conftest import engine, engine_url, index_now, use_engine  # noqa: F401
from tests.utils import card_titles, soup, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden(make_practice, organisation):
    make_practice(title="Public language café", organisation=organisation)
    draft = make_practice(title="Secret draft café", organisation=organisation, live=False)
    private = make_practice(title="Members-only café", organisation=organisation)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    password = make_practice(title="Password café", organisation=organisation)
    PageViewRestriction.objects.create(page=password, restriction_type="password", password="pw")
    return [draft, private, password]


HIDDEN_TITLES = ["Secret draft café", "Members-only café", "Password café"]


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/en/practices/",
        "/en/search/?q=café",
        "/en/organisations/newcomer-centre-malmo/",
        "/sitemap.xml",
        "/api/v1/practices",
        "/api/v1/practices?q=café",
        "/api/v1/practices?country=se&sort=title",
    ],
)
def test_hidden_pages_are_never_listed(client, hidden, url):
    content = client.get(url).content.decode()
    assert "Public language café" in content or "sitemap" in url
    for title in HIDDEN_TITLES:
        assert title not in content, (url, title)
    for page in hidden:
        assert page.url not in content or url == "/sitemap.xml" and page.full_url not in content


def test_search_results_show_only_public_pages(client, hidden):
    assert card_titles(client.get("/en/search/?q=café")) == ["Public language café"]


def test_restricted_pages_ask_for_login_and_drafts_are_not_found(client, hidden):
    draft, private, password = hidden
    assert client.get(draft.url).status_code == 404
    response = client.get(private.url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert "Password café" not in text(client.get(password.url))


def test_documents_are_served_through_wagtail_with_an_allow_list(client, editor_client):
    document = get_document_model().objects.create(
        title="Report",
        file=ContentFile(artwork.report_pdf("Report", "Org", "Text"), name="report.pdf"),
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert document.url.startswith("/documents/")
    # Uploading a file whose content does not match its name is refused in the admin too.
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf")
    response = editor_client.post(
        "/admin/documents/add/", {"title": "Fake", "file": fake, "collection": 1}
    )
    assert "This file is not really a PDF file" in text(response)
    exe = SimpleUploadedFile("tool.exe", b"MZ\x90\x00")
    response = editor_client.post(
        "/admin/documents/add/", {"title": "Tool", "file": exe, "collection": 1}
    )
    assert get_document_model().objects.filter(title="Tool").count() == 0


def test_svg_images_cannot_be_uploaded_in_the_admin(editor_client):
    svg = SimpleUploadedFile(
        "logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )
    editor_client.post("/admin/images/add/", {"title": "Logo", "file": svg, "collection": 1})
    assert not CustomImage.objects.filter(title="Logo").exists()


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_the_matrix_on_both_engines(client, engine, hidden, make_event, make_user, who):  # noqa: F811
    """Search, event pages, hreflang, organisation counts, documents, original images and the
    health check, on the database engine and on the cluster."""
    if who == "outsider":
        client.force_login(make_user("outsider@example.org"))
    public = PracticePage.objects.get(title="Public language café")
    documents = {}
    for page in [public, *hidden]:
        document = get_document_model().objects.create(
            title=page.title,
            file=SimpleUploadedFile("report.pdf", artwork.report_pdf("R", "O", "T")),
        )
        page.attachments = [PracticeAttachment(document=document)]
        page.save()
        documents[page.title] = document
    event = make_event(title="Study visit")
    event.related_practices = [public, *hidden]
    event.save_revision().publish()
    index_now()

    assert card_titles(client.get("/en/search/?q=café")) == ["Public language café"]
    found = client.get("/api/v1/practices", {"q": "café"}).json()["results"]
    assert [item["title"] for item in found] == ["Public language café"]
    assert [item["title"] for item in found[0]["attachments"]] == ["Public language café"]
    event_api = client.get(f"/api/v1/events/{event.translation_key}").json()
    assert [item["title"] for item in event_api["related_practices"]] == ["Public language café"]
    event_page = client.get(event.url)
    assert card_titles(event_page) == ["Public language café"]
    hreflang = [link["href"] for link in soup(client.get(public.url)).select("link[hreflang]")]
    assert hreflang and all(public.url in href for href in hreflang)
    row = soup(client.get("/en/organisations/")).find("a", string="Newcomer Centre Malmö")
    assert row.find_parent("tr").find_all("td")[-1].get_text(strip=True) == "1"
    health = client.get("/health/search/").json()
    assert health["status"] == "ok" and "error" not in health

    assert client.get(documents["Public language café"].url).status_code == 200
    for title in HIDDEN_TITLES:
        if title == "Members-only café" and who == "outsider":
            continue  # signed in: they may see a login-restricted page and its files
        response = client.get(documents[title].url)
        assert response.status_code in {302, 404}, title
        assert client.get("/media/" + documents[title].file.name).status_code == 404

    draft = hidden[0]
    draft.image = CustomImage.objects.create(
        title="Draft photo", file=SimpleUploadedFile("draft.png", image_bytes())
    )
    draft.save()
    assert client.get("/media/" + draft.image.file.name).status_code == 404
