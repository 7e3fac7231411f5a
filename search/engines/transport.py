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
    timeout = timeout or settings.SEARCH_TIMEOUT
    kind = kind or engine_kind()
    if kind == "elasticsearch":
        return Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False)
    return opensearchpy.OpenSearch(
        url, timeout=timeout, max_retries=0, retry_on_timeout=False, http_compress=True
    )


def transport_errors():
    """The exceptions that mean "the engine did not answer properly"."""
    errors = [ConnectionError, TimeoutError, OSError]
    if engine_kind() == "elasticsearch":
        errors += [ApiError, elastic_transport.TransportError]
    else:
        errors += [opensearchpy.exceptions.OpenSearchException]
    return tuple(errors)
