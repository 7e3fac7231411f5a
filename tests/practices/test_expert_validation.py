"""Expert validation: experts complete a checklist in the Wagtail workflow; the practice then
carries a public validation record (badge, criteria, re-check date) in its page, the library's
"validated" filter, the API and the exports; a passed re-check date shows as expired."""

import csv
import datetime
import io

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Workflow, WorkflowTask

import pytest

from practices.choices import ValidationCriterion
from practices.models import ExpertValidationTask, PracticeValidation
from search import service
from submissions.moderation import submit_for_review
from tests.search.conftest import engine, engine_url, index_now, use_engine  # noqa: F401
from tests.utils import card_titles, facet_counts, soup, text

pytestmark = pytest.mark.django_db

CRITERIA = ValidationCriterion.values


@pytest.fixture
def expert(make_user):
    user = make_user("eva@validators.example.org")
    user.groups.add(Group.objects.get(name="Experts"))
    return user


@pytest.fixture
def workflow():
    """The editorial workflow with the expert validation step added after editorial review."""
    workflow = Workflow.objects.get(name="Editorial review")
    task = ExpertValidationTask.objects.get(name="Expert validation")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=1)
    return workflow


@pytest.fixture
def in_validation(client, make_practice, make_user, editor, workflow):
    """A practice submitted and approved by an editor: now at the expert validation step."""
    member = make_user("ann@norrvik.example.org")
    practice = make_practice(title="Homework club", live=False)
    practice.save_revision(user=member)
    submit_for_review(practice, member)
    client.force_login(editor)
    act(client, practice, "approve", {"comment": ""})
    client.logout()
    practice.refresh_from_db()
    return practice


def act(client, page, action, data):
    state = page.current_workflow_state.current_task_state
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk]), data
    )


def checklist(met=CRITERIA, **overrides):
    data = {
        "body": "European Integration Experts Network",
        "recheck_on": (timezone.localdate() + datetime.timedelta(days=730)).isoformat(),
        "comment": "",
    }
    for code in CRITERIA:
        data[f"{code}-met"] = "met" if code in met else "not-met"
        data[f"{code}-comment"] = ""
    data["results-comment"] = "External evaluation 2023 shows higher completion rates."
    return {**data, **overrides}


def validate(page, body="Integration Experts", met=CRITERIA, recheck_in=730):
    return PracticeValidation.objects.create(
        practice=page,
        body=body,
        recheck_on=timezone.localdate() + datetime.timedelta(days=recheck_in),
        criteria=[{"code": code, "met": code in met, "comment": ""} for code in CRITERIA],
    )


def test_the_task_is_a_step_of_the_workflow(in_validation, workflow):
    task = in_validation.current_workflow_state.current_task_state.task
    assert task.name == "Expert validation"
    assert [t.name for t in workflow.tasks] == ["Editorial review", "Expert validation"]


def test_an_expert_sees_the_checklist_and_its_default_recheck_date(client, in_validation, expert):
    client.force_login(expert)
    state = in_validation.current_workflow_state.current_task_state
    response = client.get(
        reverse("wagtailadmin_pages:workflow_action", args=[in_validation.pk, "validate", state.pk])
    )
    assert response.status_code == 200
    html = response.json()["html"]
    for label in ValidationCriterion.labels:
        assert str(label) in html
    in_two_years = (timezone.localdate() + datetime.timedelta(days=730)).isoformat()
    assert in_two_years in html


def test_an_expert_validates_and_the_public_record_appears(client, in_validation, expert):
    client.force_login(expert)
    met = [code for code in CRITERIA if code != "costs"]
    act(client, in_validation, "validate", checklist(met=met))
    in_validation.refresh_from_db()
    assert in_validation.live  # the last step approved: published
    client.logout()
    page = client.get(in_validation.url)
    record = text(page)
    assert "Validated by experts" in record
    assert "Validated by European Integration Experts Network on" in record
    assert "Clear goals and context : met" in record
    assert "Costs known : not met" in record
    assert "External evaluation 2023 shows higher completion rates." in record
    assert "eva@validators" not in record  # who acted is not public


def test_a_bad_checklist_gets_a_message_and_records_nothing(client, in_validation, expert):
    client.force_login(expert)
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = act(
        client,
        in_validation,
        "validate",
        checklist(recheck_on=yesterday),
        # as the admin's modal sends it
    )
    assert not PracticeValidation.objects.exists()
    assert response.status_code in (200, 302)


def test_a_non_expert_cannot_act_on_it(client, in_validation, make_user, editor):
    for user in (make_user("someone@example.org"), editor):
        client.force_login(user)
        response = act(client, in_validation, "validate", checklist())
        assert response.status_code in (302, 403)
    assert not PracticeValidation.objects.exists()
    in_validation.refresh_from_db()
    assert not in_validation.live


def test_an_expert_may_pass_it_on_without_validating(client, in_validation, expert):
    client.force_login(expert)
    act(client, in_validation, "approve", {})
    in_validation.refresh_from_db()
    assert in_validation.live and not PracticeValidation.objects.exists()


def test_an_expired_validation_shows_as_such_and_leaves_the_filter(client, make_practice):
    current = make_practice(title="Language café")
    old = make_practice(title="Job mentoring")
    make_practice(title="Housing first")
    validate(current)
    expired = validate(old, recheck_in=-3)
    record = soup(client.get(old.url)).select_one(".validation").get_text(" ")
    assert "Validation expired on" in record and "Validated by experts" not in record
    assert f"{expired.recheck_on:%Y}" in record
    library = client.get("/en/practices/")
    assert facet_counts(library, "validated") == {"yes": 1}
    assert card_titles(client.get("/en/practices/?validated=yes")) == ["Language café"]
    cards = soup(library).select(".card")
    badges = {c.select_one(".card__title").get_text(strip=True): c.select(".badge") for c in cards}
    assert "Validated by experts" in badges["Language café"][0].get_text()
    assert "expired" in badges["Job mentoring"][0].get_text()
    assert badges["Housing first"] == []


def test_facet_counts_follow_the_other_filters(client, make_practice):
    validate(make_practice(title="A", action_areas=["housing"]))
    validate(make_practice(title="B", action_areas=["health"]))
    make_practice(title="C", action_areas=["housing"])
    assert facet_counts(client.get("/en/practices/"), "validated") == {"yes": 2}
    assert facet_counts(client.get("/en/practices/?area=housing"), "validated") == {"yes": 1}
    assert facet_counts(client.get("/en/practices/?validated=yes"), "area") == {
        "housing": 1,
        "health": 1,
    }


def test_search_filters_and_counts_validated_practices(engine, make_practice):  # noqa: F811
    validate(make_practice(title="Housing café", summary="Housing for newcomers."))
    validate(make_practice(title="Housing advice", summary="Housing help."), recheck_in=-1)
    make_practice(title="Housing first", summary="Housing for young refugees.")
    index_now()
    outcome = service.search("housing", filters={"validated": ["yes"]})
    assert outcome.engine == engine
    assert [p.title for p in outcome.practices] == ["Housing café"]
    counts = {f.param: {o.value: o.count for o in f.options} for f in outcome.facets}
    assert counts["validated"] == {"yes": 1}


def test_the_api_gives_the_validation(client, make_practice):
    validated = make_practice(title="Language café")
    make_practice(title="Job mentoring")
    validate(validated, met=["goals", "results"])
    answer = client.get("/api/v1/practices", {"sort": "title"}).json()
    by_title = {record["title"]: record for record in answer["results"]}
    assert by_title["Job mentoring"]["validation"] is None
    validation = by_title["Language café"]["validation"]
    assert validation["body"] == "Integration Experts"
    assert validation["expired"] is False
    assert [(c["code"], c["met"]) for c in validation["criteria"]][:3] == [
        ("goals", True),
        ("results", True),
        ("duration", False),
    ]
    assert validation["criteria"][0]["label"] == "Clear goals and context"
    filtered = client.get("/api/v1/practices", {"validated": "yes"}).json()
    assert [record["title"] for record in filtered["results"]] == ["Language café"]


def test_the_export_has_the_validation_columns(client, make_practice):
    validate(make_practice(title="Language café"), met=["goals", "costs"])
    validate(make_practice(title="Job mentoring"), recheck_in=-1)
    make_practice(title="Housing first")
    response = client.get("/en/practices/?sort=title&export=csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = {row["title"]: row for row in csv.DictReader(io.StringIO(content))}
    assert rows["Language café"]["validation_status"] == "validated"
    assert rows["Language café"]["validated_by"] == "Integration Experts"
    assert rows["Language café"]["validation_criteria_met"] == "goals; costs"
    assert rows["Job mentoring"]["validation_status"] == "expired"
    assert rows["Housing first"]["validation_status"] == ""
