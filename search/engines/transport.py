"""The engine's transport: opensearch-py for OpenSearch, elasticsearch-py for Elasticsearch.

elasticsearch-dsl (`elasticsearch.dsl`) builds every request body and parses every response;
the transport only sends JSON, with short timeouts.
"""

import importlib.util
import sys
from pathlib import Path

from django.conf import settings


def _import_opensearchpy():
    """Import opensearch-py although this project has an app called `events`.

    opensearch-py does `from events import Events` (PyPI package "Events"), which our `events`
    app shadows. Load the PyPI module under that name just while opensearch-py imports.
    """
    if "opensearchpy" in sys.modules:
        return sys.modules["opensearchpy"]
    ours = sys.modules.get("events")
    spec = None
    for entry in sys.path:
        candidate = Path(entry or ".") / "events" / "events.py"
        if (
            candidate.is_file()
            and candidate.parent.resolve() != Path(settings.BASE_DIR, "events").resolve()
        ):
            spec = importlib.util.spec_from_file_location("events", candidate)
            break
    if spec is not None:
        third_party = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(third_party)
        sys.modules["events"] = third_party
    try:
        import opensearchpy
    finally:
        if ours is not None:
            sys.modules["events"] = ours
        else:
            sys.modules.pop("events", None)
    return opensearchpy


def engine_kind():
    return settings.SEARCH_ENGINE or "opensearch"


def make_client(url, kind=None, timeout=None):
    timeout = timeout or settings.SEARCH_TIMEOUT
    kind = kind or engine_kind()
    if kind == "elasticsearch":
        from elasticsearch import Elasticsearch

        return Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)
    opensearchpy = _import_opensearchpy()
    return opensearchpy.OpenSearch(
        url, timeout=timeout, max_retries=0, retry_on_timeout=False, http_compress=True
    )


def transport_errors():
    """The exceptions that mean "the engine did not answer properly"."""
    errors = [ConnectionError, TimeoutError, OSError]
    if engine_kind() == "elasticsearch":
        import elastic_transport
        from elasticsearch import ApiError

        errors += [ApiError, elastic_transport.TransportError]
    else:
        opensearchpy = _import_opensearchpy()
        errors += [opensearchpy.exceptions.OpenSearchException]
    return tuple(errors)
