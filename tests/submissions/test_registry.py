"""Content types declare themselves to the editorial app; pages know their own URLs."""

import ast
import pathlib

from django.urls import reverse

import pytest

from agenda.models import EventPage
from practices.models import PracticePage
from submissions import registry

pytestmark = pytest.mark.django_db


def test_feature_apps_register_their_submittable_types():
    types = registry.submission_types()
    assert [(t.model, t.kind) for t in types] == [
        (PracticePage, "practices"),
        (EventPage, "events"),
    ]
    assert registry.for_kind("events").model is EventPage
    assert registry.for_kind("nonsense").model is PracticePage  # the first is the default


@pytest.mark.parametrize("kind", ["practice", "event"])
def test_pages_give_their_own_submission_urls(drafts, kind):
    page = drafts[kind]
    assert page.get_edit_url() == reverse(f"{kind}_edit", args=[page.pk])
    assert page.get_preview_url() == reverse(f"{kind}_preview", args=[page.pk])
    assert page.get_delete_url() == reverse(f"{kind}_delete", args=[page.pk])
    assert page.get_withdraw_url() == reverse(f"{kind}_withdraw", args=[page.pk])


def test_the_editorial_app_imports_no_feature_app():
    root = pathlib.Path(registry.__file__).parent
    imported = set()
    for module in root.rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                imported.add(node.module)
    ours = {name.split(".")[0] for name in imported} & {"practices", "agenda", "search"}
    assert ours == set()
