"""A document is downloadable by anyone only when a live, public page uses it; otherwise only
by people who may see that page, the owning organisation's members and editors. Files are
never served straight from /media/."""

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Collection, PageViewRestriction

import pytest

from portal.demo import artwork
from practices.models import PracticeAttachment, PracticePage
from tests.conftest import complete_practice_data

pytestmark = pytest.mark.django_db

PDF = artwork.report_pdf("Report", "Org", "Text")


@pytest.fixture
def people(make_user, join, organisation, editor):
    member = make_user("member@example.org")
    join(member, organisation)
    return {
        "anonymous": None,
        "outsider": make_user("outsider@example.org"),
        "member": member,
        "editor": editor,
    }


def attach(page, title):
    document = get_document_model().objects.create(
        title=title, file=SimpleUploadedFile(f"{title}.pdf", PDF)
    )
    page.attachments = [PracticeAttachment(document=document)]
    page.save()  # the reference index now knows the page uses it
    return document


@pytest.fixture
def documents(make_practice, organisation):
    pages = {
        "public": make_practice(title="Public", organisation=organisation),
        "draft": make_practice(title="Draft", organisation=organisation, live=False),
        "login": make_practice(title="Login", organisation=organisation),
        "groups": make_practice(title="Groups", organisation=organisation),
        "password": make_practice(title="Password", organisation=organisation),
    }
    PageViewRestriction.objects.create(page=pages["login"], restriction_type="login")
    restriction = PageViewRestriction.objects.create(
        page=pages["groups"], restriction_type="groups"
    )
    restriction.groups.add(Group.objects.get(name="Editors"))
    PageViewRestriction.objects.create(
        page=pages["password"], restriction_type="password", password="pw"
    )
    return {name: attach(page, name) for name, page in pages.items()}


# Who may download the document of each kind of page.
ALLOWED = {
    "public": {"anonymous", "outsider", "member", "editor"},
    "draft": {"member", "editor"},
    "login": {"outsider", "member", "editor"},
    "groups": {"member", "editor"},
    "password": {"member", "editor"},
}


@pytest.mark.parametrize("kind", ALLOWED)
@pytest.mark.parametrize("who", ["anonymous", "outsider", "member", "editor"])
def test_who_may_download_a_document(client, people, documents, kind, who):
    if people[who]:
        client.force_login(people[who])
    response = client.get(documents[kind].url)
    if who in ALLOWED[kind]:
        assert response.status_code == 200, (kind, who)
        assert b"".join(response.streaming_content).startswith(b"%PDF")
    else:
        assert response.status_code in {302, 404}, (kind, who)
        assert response.status_code == 404 or "/accounts/login/" in response["Location"]


def test_documents_and_original_images_are_never_served_from_media(client, documents):
    for document in documents.values():
        assert client.get("/media/" + document.file.name).status_code == 404
    assert client.get("/media/original_images/anything.jpg").status_code == 404


def test_front_end_uploads_get_a_private_collection_and_a_random_name(client, people):
    client.force_login(people["member"])
    upload = SimpleUploadedFile("minutes.pdf", PDF, content_type="application/pdf")
    client.post(
        reverse("practice_submit"),
        complete_practice_data(attachment=upload, attachment_title="Minutes", action="save"),
    )
    page = PracticePage.objects.get()
    document = page.attachments.get().document
    assert document.title == "Minutes"
    assert document.collection != Collection.get_first_root_node()
    assert document.filename != "minutes.pdf" and len(document.filename) > 20
    assert client.get(document.url).status_code == 200  # the member previews it
    client.logout()
    assert client.get(document.url).status_code == 302  # a draft's file: sign in first
    client.force_login(people["outsider"])
    assert client.get(document.url).status_code == 404
