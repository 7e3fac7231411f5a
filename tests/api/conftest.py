from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

import pytest

from portal import locales


@pytest.fixture
def api(client):
    """GET an API address; the JSON answer (asserting its status)."""

    def get(path, data=None, status=200, **headers):
        response = client.get(path, data, headers=headers)
        assert response.status_code == status, (path, data, response.content[:500])
        return response.json() if response.content else None

    return get


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """Translate a page into `language` through wagtail-localize; `machine=True` marks its
    strings as machine-translated (as DeepL's translations are)."""

    def make(page, language, texts, machine=False):
        with django_capture_on_commit_callbacks(execute=True):
            locales.provision(languages=[language])
            locale = Locale.objects.get(language_code=language)
            locales.translate(page, locale, texts)
        if machine:
            StringTranslation.objects.filter(locale=locale).update(
                translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
            )
        return page.get_translation(locale).specific

    return make
