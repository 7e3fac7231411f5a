"""The engine's transport: opensearch-py for OpenSearch, elasticsearch-py for Elasticsearch.

elasticsearch-dsl (`elasticsearch.dsl`) builds every request body and parses every response;
the transport only sends JSON, with short timeouts.
"""

from django.conf import settings

import elastic_transport
import opensearchpy
from elasticsearch import ApiError, Elasticsearch


def engine_kind():
    return settings.SEARCH_ENGINE or "opensearch"


def make_client(url, kind=None, timeout=None):
    """A client for `url`: one node, or several separated by commas. A node that refuses the
    connection is skipped for the next one; a node that does not answer in time is not retried."""
    timeout = timeout or settings.SEARCH_TIMEOUT
    kind = kind or engine_kind()
    nodes = [node.strip() for node in url.split(",") if node.strip()]
    retries = len(nodes) - 1
    if kind == "elasticsearch":
        return Elasticsearch(
            nodes, request_timeout=timeout, max_retries=retries, retry_on_timeout=False
        )
    return opensearchpy.OpenSearch(
        nodes, timeout=timeout, max_retries=retries, retry_on_timeout=False, http_compress=True
    )


def transport_errors():
    """The exceptions that mean "the engine did not answer properly"."""
    errors = [ConnectionError, TimeoutError, OSError]
    if engine_kind() == "elasticsearch":
        errors += [ApiError, elastic_transport.TransportError]
    else:
        errors += [opensearchpy.exceptions.OpenSearchException]
    return tuple(errors)
