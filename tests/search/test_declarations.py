"""Searchable types declare themselves: `search/` names no feature, and what a declaration adds
is indexed and counted without touching `search/`."""

import ast
import pathlib

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

import pytest

from portal.facets import VALUE, FacetDefinition
from practices.choices import Continuation
from practices.search import PracticeSearch
from search import registry, service
from tests.search.conftest import index_now

FEATURES = ("practices", "agenda", "submissions")


def test_the_search_app_imports_no_feature():
    root = pathlib.Path(settings.BASE_DIR) / "search"
    imported = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {(path.name, alias.name) for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and not node.level:
                imported.add((path.name, node.module or ""))
    assert [pair for pair in imported if pair[1].split(".")[0] in FEATURES] == []


def test_practices_are_the_default_searchable_type():
    declaration = registry.get()
    assert isinstance(declaration, PracticeSearch) and declaration.alias == settings.SEARCH_INDEX


def test_a_facet_may_not_take_a_reserved_field_name():
    clash = type(
        "Clash", (PracticeSearch,), {"facets": (FacetDefinition("pages", "Pages", VALUE, "title"),)}
    )
    with pytest.raises(ImproperlyConfigured):
        registry.register(clash())
    assert isinstance(registry.get(), PracticeSearch) and registry.get().facets != clash.facets


@pytest.fixture
def with_continuation():
    """The practices' declaration with one more facet: the raw continuation (the library's
    "status" facet folds regular services into "ongoing")."""
    original = registry.get()
    continuation = FacetDefinition(
        "continuation", "Continuation", VALUE, "continuation", choices=tuple(Continuation.choices)
    )
    extended = type("Extended", (PracticeSearch,), {"facets": (*original.facets, continuation)})
    yield registry.register(extended())
    registry.register(original)


@pytest.mark.django_db
def test_a_facet_added_to_the_declaration_is_indexed_and_counted_on_the_cluster(
    use_engine, with_continuation, make_practice
):
    make_practice(title="Welcome desk one", continuation="regular-service")
    make_practice(title="Welcome desk two", continuation="regular-service")
    make_practice(title="Welcome desk three", continuation="ongoing")
    index_now()
    outcome = service.search("welcome desk", {"continuation": ["regular-service"]})
    counts = {facet.param: {o.value: o.count for o in facet.options} for facet in outcome.facets}
    assert outcome.engine == "cluster" and outcome.total == 2
    assert counts["continuation"] == {"regular-service": 2, "ongoing": 1}
    assert counts["status"] == {"ongoing": 2}
    assert sorted(p.title for p in outcome.practices) == ["Welcome desk one", "Welcome desk two"]
