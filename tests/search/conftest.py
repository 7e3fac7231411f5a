import os
import uuid

import pytest

from search import indexing
from search.engines.transport import make_client

ENGINE_URL = os.environ.get("TEST_SEARCH_URL", "")


@pytest.fixture
def engine_url():
    """The OpenSearch node started by bin/test (or SEARCH_URL). Skips only outside CI."""
    if not ENGINE_URL:
        message = "No TEST_SEARCH_URL: start one with tests/opensearch/node.sh or run bin/test."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return ENGINE_URL


@pytest.fixture
def use_engine(settings, engine_url):
    """Switch the portal to the cluster engine, on an index (alias) of this test's own."""
    settings.SEARCH_URL = engine_url
    settings.SEARCH_INDEX = f"test-{uuid.uuid4().hex[:12]}"
    settings.SEARCH_TIMEOUT = 5
    yield settings
    client = make_client(engine_url)
    for name in client.indices.get(index=f"{settings.SEARCH_INDEX}*"):
        client.indices.delete(index=name)


@pytest.fixture(params=["database", "cluster"])
def engine(request, settings):
    """Run a test once on each engine; `engine` is its name."""
    if request.param == "cluster":
        request.getfixturevalue("use_engine")
    else:
        settings.SEARCH_URL = ""
    return request.param


def index_now():
    """Build the cluster index from the database (the data of a test is never committed)."""
    if indexing.enabled():
        indexing.rebuild()
