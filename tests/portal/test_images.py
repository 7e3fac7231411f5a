"""Uploaded images: damaged files and huge pixel counts get a clear message, never an error
page; no camera or location data survives in the stored original or in renditions."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest
from PIL import Image

from portal.models import CustomImage
from tests.conftest import complete_practice_data
from tests.practices.test_submission import team  # noqa: F401
from tests.utils import text

pytestmark = pytest.mark.django_db

GPS = 0x8825
MAKE = 0x010F
ORIENTATION = 0x0112


def image_bytes(fmt="PNG", size=(40, 30), exif=None):
    buffer = io.BytesIO()
    mode = "P" if fmt == "GIF" else "RGB"
    options = {"exif": exif} if exif is not None else {}
    Image.new(mode, size, 3 if mode == "P" else (10, 60, 140)).save(buffer, format=fmt, **options)
    return buffer.getvalue()


def gps_exif():
    exif = Image.Exif()
    exif[MAKE] = "SpyCam"
    exif[ORIENTATION] = 6  # taken rotated: the stored image must be turned upright
    exif.get_ifd(GPS).update({1: "N", 2: (59.0, 19.0, 0.0), 3: "E", 4: (18.0, 4.0, 0.0)})
    return exif


def submit(client, upload):
    return client.post(
        reverse("practice_submit"), complete_practice_data(image=upload, image_alt="Pupils")
    )


@pytest.mark.parametrize("cut", [40, 20])
def test_a_damaged_gif_gets_a_clear_message_and_the_form_back(client, team, cut):  # noqa: F811
    client.force_login(team["member"])
    broken = SimpleUploadedFile("photo.gif", image_bytes("GIF")[:cut], content_type="image/gif")
    response = submit(client, broken)
    assert response.status_code == 200
    page = text(response)
    assert "damaged or incomplete" in page or "Upload a valid image" in page
    assert "Homework club in the library" in response.content.decode()  # nothing typed is lost


def test_a_damaged_gif_in_the_admin_gets_a_clear_message(editor_client):
    broken = SimpleUploadedFile("photo.gif", image_bytes("GIF")[:40], content_type="image/gif")
    response = editor_client.post(
        "/admin/images/add/", {"title": "Broken", "file": broken, "collection": 1}
    )
    assert response.status_code == 200
    assert "damaged or incomplete" in text(response)
    assert not CustomImage.objects.filter(title="Broken").exists()


def test_an_image_with_too_many_pixels_is_refused_before_decoding(client, team):  # noqa: F811
    client.force_login(team["member"])
    huge = SimpleUploadedFile("huge.png", image_bytes(size=(7000, 5000)), content_type="image/png")
    response = submit(client, huge)
    assert response.status_code == 200
    assert "This image has 35000000 pixels; the limit is 24000000." in text(response)
    assert not CustomImage.objects.exists()


def assert_no_metadata(data):
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        assert MAKE not in exif and GPS not in exif and ORIENTATION not in exif
        assert b"SpyCam" not in data
        return image.size


def test_uploaded_photos_lose_location_and_camera_data(client, team):  # noqa: F811
    client.force_login(team["member"])
    photo = SimpleUploadedFile(
        "photo.jpg", image_bytes("JPEG", (40, 30), gps_exif()), content_type="image/jpeg"
    )
    submit(client, photo)
    image = CustomImage.objects.get()
    with image.open_file() as stored:
        assert assert_no_metadata(stored.read()) == (30, 40)  # orientation applied
    rendition = image.get_rendition("width-20")
    with rendition.file.open() as rendered:
        assert_no_metadata(rendered.read())
    # Stored under a name nobody can guess, in the organisation's collection.
    assert "photo" in image.file.name and image.file.name != "original_images/photo.jpg"
    assert image.collection.depth > 1


def test_admin_uploads_lose_location_data_too(editor_client):
    photo = SimpleUploadedFile("gps.jpg", image_bytes("JPEG", exif=gps_exif()))
    editor_client.post("/admin/images/add/", {"title": "GPS", "file": photo, "collection": 1})
    image = CustomImage.objects.get(title="GPS")
    with image.open_file() as stored:
        assert_no_metadata(stored.read())
    assert image.get_rendition("width-20").file.size > 0


def test_original_images_are_not_served_from_media(client, team):  # noqa: F811
    client.force_login(team["member"])
    submit(client, SimpleUploadedFile("photo.png", image_bytes(), content_type="image/png"))
    image = CustomImage.objects.get()
    client.logout()
    assert client.get("/media/" + image.file.name).status_code == 404
    rendition = image.get_rendition("width-20")
    assert client.get(rendition.url).status_code == 200
