"""Members write practices in a plain web form; editors review them in the Wagtail admin."""

import io
from urllib.parse import urlencode

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import PageLogEntry

import pytest
from PIL import Image

from portal.demo import artwork
from portal.i18n import reader_url
from practices.models import PracticePage
from tests.conftest import complete_practice_data
from tests.utils import card_titles, soup, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(make_user, make_organisation, join, editor):
    organisation = make_organisation("municipality", "se", name="City of Norrvik", slug="norrvik")
    member = make_user("ann@norrvik.example.org")
    manager = make_user("mats@norrvik.example.org")
    join(member, organisation)
    join(manager, organisation, role="manager")
    return {"organisation": organisation, "member": member, "manager": manager, "editor": editor}


def new_practice(client, data):
    return client.post(reverse("practice_submit"), data)


def approve(client, page):
    """An editor approves the page's review task in the Wagtail admin."""
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", page.current_workflow_state.current_task_state.pk],
        ),
        {"comment": ""},
    )


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 60, 140)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_draft_needs_only_a_title_and_keeps_a_revision_per_save(client, team, library):
    client.force_login(team["member"])
    response = new_practice(
        client,
        {
            "title": "Homework club",
            "action": "save",
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
        },
    )
    page = PracticePage.objects.get(title="Homework club")
    assert response["Location"] == reverse("practice_edit", args=[page.pk])
    assert not page.live
    assert page.organisation == team["organisation"]
    assert page.get_parent().pk == library.pk

    client.post(
        reverse("practice_edit", args=[page.pk]),
        {
            "title": "Homework club",
            "summary": "Twice a week.",
            "action": "save",
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
        },
    )
    assert page.revisions.count() == 2
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().summary == "Twice a week."
    assert PageLogEntry.objects.filter(page=page, action="wagtail.edit").count() >= 1
    # Coming back shows what was saved.
    form = client.get(reverse("practice_edit", args=[page.pk]))
    assert soup(form).select_one("textarea#id_summary").get_text().strip() == "Twice a week."


def test_submitting_an_incomplete_practice_says_what_is_missing(client, team, library):
    client.force_login(team["member"])
    response = new_practice(client, complete_practice_data(summary="", action_areas=[]))
    assert response.status_code == 200
    page = text(response)
    assert "Write a one-paragraph summary." in page
    assert "Choose at least one action area." in page
    assert not PracticePage.objects.exists()


def test_submit_review_approve_flow_with_emails_and_audit_log(client, team, library):
    member, manager, editor = team["member"], team["manager"], team["editor"]
    client.force_login(member)
    mail.outbox.clear()
    response = new_practice(client, complete_practice_data())
    assert response["Location"] == reverse("my_submissions")
    page = PracticePage.objects.get()
    assert page.workflow_in_progress
    submitted = [m for m in mail.outbox if "Submitted for review" in m.subject]
    assert {m.to[0] for m in submitted} == {member.email, manager.email}
    # Editors are told by Wagtail's own workflow notification.
    assert any(editor.email in m.to for m in mail.outbox)

    status = client.get(reverse("my_submissions"))
    assert "In review" in text(status)
    # Not public yet.
    assert client.get("/en/practices/").content.decode().count("Homework club") == 0

    client.force_login(editor)
    mail.outbox.clear()
    state = page.current_workflow_state
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": ""},
    )
    page.refresh_from_db()
    assert page.live
    approved = [m for m in mail.outbox if "Published" in m.subject]
    assert {m.to[0] for m in approved} == {member.email, manager.email}
    assert "Homework club" in client.get("/en/practices/").content.decode()
    actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
    assert {
        "wagtail.create",
        "wagtail.workflow.start",
        "wagtail.workflow.approve",
        "wagtail.publish",
    } <= actions


def test_request_changes_reaches_the_submitter_with_the_comment(client, team, library):
    client.force_login(team["member"])
    new_practice(client, complete_practice_data())
    page = PracticePage.objects.get()
    client.force_login(team["editor"])
    mail.outbox.clear()
    state = page.current_workflow_state
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "reject", state.current_task_state.pk],
        ),
        {"comment": "Please add the number of pupils reached."},
    )
    page.refresh_from_db()
    assert not page.live
    changes = [m for m in mail.outbox if "Changes requested" in m.subject]
    assert {m.to[0] for m in changes} == {team["member"].email, team["manager"].email}
    assert "Please add the number of pupils reached." in changes[0].body

    client.force_login(team["member"])
    submissions = text(client.get(reverse("my_submissions")))
    assert "Changes requested" in submissions
    assert "Please add the number of pupils reached." in submissions
    # The member edits and submits again.
    client.post(
        reverse("practice_edit", args=[page.pk]), complete_practice_data(people_reached="40")
    )
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert page.get_latest_revision_as_object().people_reached == 40


def test_rich_text_is_sanitised_in_the_form_path(client, team, library):
    client.force_login(team["member"])
    data = complete_practice_data(
        approach='<p onclick="steal()">Hello <script>alert(1)</script>'
        '<a href="javascript:alert(1)">x</a><a href="https://example.org/">ok</a>'
        "<img src=x onerror=alert(1)></p>",
    )
    new_practice(client, data)
    page = PracticePage.objects.get().get_latest_revision_as_object()
    assert "script" not in page.approach
    assert "onclick" not in page.approach
    assert "javascript" not in page.approach
    assert "<img" not in page.approach
    assert '<a href="https://example.org/">ok</a>' in page.approach


def test_uploads_are_checked_by_content(client, team, library):
    client.force_login(team["member"])
    fake_pdf = SimpleUploadedFile(
        "report.pdf", b"<html>not a pdf</html>", content_type="application/pdf"
    )
    fake_png = SimpleUploadedFile("photo.png", b"GIF89a-not-really", content_type="image/png")
    response = new_practice(
        client,
        complete_practice_data(attachment=fake_pdf, image=fake_png, image_alt="Pupils"),
    )
    page = text(response)
    assert "This file is not really a PDF file" in page
    assert "Not a valid .png image" in page
    assert not PracticePage.objects.exists()

    real_pdf = SimpleUploadedFile("report.pdf", artwork.report_pdf("Report", "Org", "Text"))
    real_png = SimpleUploadedFile("photo.png", png_bytes())
    response = new_practice(
        client,
        complete_practice_data(
            attachment=real_pdf,
            attachment_title="Evaluation",
            image=real_png,
            image_alt="Pupils doing homework",
        ),
    )
    page = PracticePage.objects.get().get_latest_revision_as_object()
    assert page.image.description == "Pupils doing homework"
    assert [a.display_title for a in page.attachments.all()] == ["Evaluation"]


def test_svg_images_are_refused(client, team, library):
    client.force_login(team["member"])
    svg = SimpleUploadedFile(
        "logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
    )
    response = new_practice(client, complete_practice_data(image=svg, image_alt="Logo"))
    assert response.status_code == 200
    assert not PracticePage.objects.exists()


def test_oversized_pdf_is_refused_with_a_clear_message(client, team, library, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    client.force_login(team["member"])
    big = SimpleUploadedFile("report.pdf", b"%PDF-1.4\n" + b"0" * 2000)
    response = new_practice(client, complete_practice_data(attachment=big))
    assert "the limit is 1000" in text(response)


def test_a_practice_written_in_swedish_is_published_in_swedish_and_translated_by_editors(
    client, team, library, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale
    from wagtail_localize.models import StringSegment, Translation

    client.force_login(team["member"])
    new_practice(client, complete_practice_data(title="Läxhjälp på biblioteket", language="sv"))
    page = PracticePage.objects.get()
    client.force_login(team["editor"])
    approve(client, page)
    page.refresh_from_db()
    assert page.live and page.url.startswith("/sv/practices/")

    # Readers in other languages find it, marked as Swedish, with a notice when they open it.
    card = soup(client.get("/en/practices/")).select_one("article.card")
    assert card["lang"] == "sv" and "Läxhjälp på biblioteket" in card.get_text()
    notice = "This page is not yet available in English. It is shown in Swedish."
    assert notice in text(client.get(reader_url(page, "en")))

    # Editors have it translated into English and German in wagtail-localize's editor.
    locales = {code: Locale.objects.get(language_code=code) for code in ("en", "de")}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [locale.pk for locale in locales.values()]},
        )
    titles = {"en": "Homework help in the library", "de": "Hausaufgabenhilfe in der Bibliothek"}
    for code, title in titles.items():
        translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=locales[code]
        )
        for segment in StringSegment.objects.filter(source=translation.source):
            value = title if segment.context.path == "title" else f"[{code}] {segment.string.data}"
            client.put(
                reverse(
                    "wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]
                ),
                urlencode({"value": value}),
                content_type="application/x-www-form-urlencoded",
            )
        target = page.get_translation(locales[code])
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})

    assert card_titles(client.get("/en/practices/")) == [titles["en"]]
    assert card_titles(client.get("/de/practices/")) == [titles["de"]]
    assert card_titles(client.get("/sv/practices/")) == ["Läxhjälp på biblioteket"]
    assert card_titles(client.get("/fr/practices/")) == [titles["en"]]  # the default language
    english = client.get(page.get_translation(locales["en"]).url)
    assert notice not in text(english)
    facts = soup(english).select_one(".practice__facts").get_text(" ")
    assert "Swedish" in facts and "Translated by a person" in facts

    # The editors' translation overview lists the Swedish original, not its translations.
    def status_rows():
        table = soup(client.get(reverse("translation_status"))).select("table.listing tbody tr")
        cells = [[td.get_text(" ", strip=True) for td in row.select("td")] for row in table]
        return {title: rest[:3] for title, *rest in cells}

    assert status_rows() == {"Läxhjälp på biblioteket": ["Swedish", "de, en", "—"]}
    page.refresh_from_db()
    page.title = "Läxhjälp på stadsbiblioteket"
    page.save_revision().publish()
    assert status_rows() == {"Läxhjälp på stadsbiblioteket": ["Swedish", "—", "de, en"]}


def test_only_a_practice_with_an_image_offers_to_remove_it(client, team, library):
    client.force_login(team["member"])
    assert "Remove the current image" not in text(client.get(reverse("practice_submit")))

    new_practice(
        client,
        complete_practice_data(
            action="save",
            image=SimpleUploadedFile("photo.png", png_bytes()),
            image_alt="Pupils",
        ),
    )
    page = PracticePage.objects.get()
    assert "Remove the current image" in text(client.get(reverse("practice_edit", args=[page.pk])))
