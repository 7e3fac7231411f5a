"""Submitters agree to the open-data licence when they submit; the consent is kept with the
revision, and image credits and licences are part of the exported data."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from portal.models import CustomImage
from practices.models import PracticePage
from tests.conftest import complete_practice_data
from tests.portal.test_images import image_bytes
from tests.utils import soup

pytestmark = pytest.mark.django_db
CC_BY = "https://creativecommons.org/licenses/by/4.0/"


@pytest.fixture
def image_file():
    return SimpleUploadedFile("cafe.png", image_bytes())


image_upload = image_file


@pytest.fixture
def member(make_user, organisation, join):
    user = make_user("ann@norrvik.example.org")
    join(user, organisation)
    return user


def test_the_form_names_and_links_the_licence(client, member, library):
    client.force_login(member)
    page = soup(client.get(reverse("practice_submit")))
    link = page.select_one("#licence-help a[rel=license]")
    assert link["href"] == CC_BY
    assert link.get_text() == "CC BY 4.0"
    box = page.select_one("input[name=licence_consent]")
    assert box["type"] == "checkbox"
    assert box["aria-describedby"] == "licence-help"
    assert page.find("label", attrs={"for": box["id"]})


def test_submitting_without_consent_is_refused_with_a_message(client, member, library):
    client.force_login(member)
    data = complete_practice_data()
    del data["licence_consent"]
    response = client.post(reverse("practice_submit"), data)
    assert response.status_code == 200
    assert "agree to publish it under the licence" in response.content.decode()
    assert not PracticePage.objects.filter(title=data["title"]).exists()


def test_a_draft_needs_no_consent(client, member, library):
    client.force_login(member)
    data = complete_practice_data(action="save")
    del data["licence_consent"]
    client.post(reverse("practice_submit"), data)
    page = PracticePage.objects.get(title=data["title"])
    assert page.get_latest_revision_as_object().licence == ""


def test_consent_is_stored_with_the_revision(client, member, library, settings):
    settings.OPEN_DATA_LICENCE = "https://creativecommons.org/licenses/by-sa/4.0/"
    client.force_login(member)
    client.post(reverse("practice_submit"), complete_practice_data())
    page = PracticePage.objects.get(title="Homework club in the library")
    revision = page.get_latest_revision()
    submitted = revision.as_object()
    assert submitted.licence == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert submitted.licence_agreed_by == member
    assert submitted.licence_agreed_at is not None
    assert abs((submitted.licence_agreed_at - revision.created_at).total_seconds()) < 60


def test_image_credit_and_licence_are_exported(client, make_practice, image_file):
    image = CustomImage.objects.create(
        title="Café", file=image_file, credit="Photo: Lena Berg", licence="CC BY-SA 4.0"
    )
    practice = make_practice(title="Language café", image=image)
    practice.agree_to_licence(None)
    practice.save_revision().publish()
    exported = json.loads(b"".join(client.get("/en/practices/?export=json").streaming_content))
    (row,) = exported["practices"]
    assert exported["licence"] == CC_BY
    assert row["image_credit"] == "Photo: Lena Berg"
    assert row["image_licence"] == "CC BY-SA 4.0"
    assert row["licence"] == CC_BY


def test_members_give_the_image_credit_and_licence(client, member, library, image_upload):
    client.force_login(member)
    data = complete_practice_data(
        image=image_upload,
        image_alt="Pupils at a library table",
        image_credit="Photo: Lena Berg",
        image_licence="CC BY 4.0",
    )
    client.post(reverse("practice_submit"), data)
    image = PracticePage.objects.get().get_latest_revision_as_object().image
    assert (image.credit, image.licence) == ("Photo: Lena Berg", "CC BY 4.0")
