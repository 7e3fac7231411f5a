import pytest


@pytest.fixture
def api(client):
    """GET an API address; the JSON answer (asserting its status)."""

    def get(path, data=None, status=200, **headers):
        response = client.get(path, data, headers=headers)
        assert response.status_code == status, (path, data, response.content[:500])
        return response.json() if response.content else None

    return get
