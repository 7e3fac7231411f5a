import datetime

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

import pytest

from portal import locales
from portal.factories import OrganisationFactory, term
from portal.models import (
    ActionArea,
    Country,
    FundingInstrument,
    HomePage,
    OrganisationType,
    SubTheme,
    TargetGroup,
)
from practices.factories import PracticePageFactory
from practices.models import PracticeIndexPage


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "cluster: starts a three-node OpenSearch cluster (slow; run once in CI)"
    )


@pytest.fixture(autouse=True)
def _fresh_cache(request):
    """Rate limits and Wagtail's site root paths live in the (database) cache: every test that
    uses the database starts with an empty one."""
    marker = request.node.get_closest_marker("django_db")
    transactional = {"transactional_db", "live_server"} & set(request.fixturenames) or (
        marker and marker.kwargs.get("transaction")
    )
    if transactional:
        request.getfixturevalue("transactional_db")
    elif marker or "db" in request.fixturenames:
        request.getfixturevalue("db")
    else:
        yield
        return
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _mail_through_the_queue(settings):
    """pytest-django points EMAIL_BACKEND at the in-memory outbox; put the portal's queue back in
    front of it, so every test's mail takes the production path: a background task (run at once
    by the test settings' immediate backend) that delivers to the outbox."""
    settings.EMAIL_BACKEND = "portal.mail.QueuedEmailBackend"


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in English: a test-client request leaves its language active in the
    test's thread, where it would change what `reverse` and `get_absolute_url` return."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


TERM_MODELS = {
    "action_areas": ActionArea,
    "sub_themes": SubTheme,
    "target_groups": TargetGroup,
    "funding_instruments": FundingInstrument,
}


@pytest.fixture
def home(db):
    """The home page the migrations create."""
    return HomePage.objects.get()


@pytest.fixture
def library(home):
    """The practice library the migrations create under the home page."""
    return PracticeIndexPage.objects.child_of(home).get()


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Newcomer Centre Malmö", slug="newcomer-centre-malmo")


@pytest.fixture
def make_organisation(db):
    def make(orgtype="municipality", country="se", **kwargs):
        return OrganisationFactory(
            organisation_type=term(OrganisationType, orgtype),
            country=Country.objects.get(code=country),
            **kwargs,
        )

    return make


@pytest.fixture
def make_practice(library):
    """Create a live practice; taxonomy as codes, e.g. action_areas=["housing"]; `language`
    puts it in that language's library, as practices written in that language are."""

    def make(language="en", **kwargs):
        for field, model in TERM_MODELS.items():
            if field in kwargs:
                kwargs[field] = [term(model, code) for code in kwargs[field]]
        if "countries" in kwargs:
            kwargs["countries"] = list(Country.objects.filter(code__in=kwargs["countries"]))
        if isinstance(kwargs.get("start_date"), str):
            kwargs["start_date"] = datetime.date.fromisoformat(kwargs["start_date"])
        parent = library if language == "en" else PracticeIndexPage.for_language(language)
        return PracticePageFactory(parent=parent, **kwargs)

    return make


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


def with_totp(user):
    """Give the user an authenticator app, as editors must have (see portal.middleware)."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def make_user(db, django_user_model):
    """A verified user; `editor=True` adds them to Editors with two-factor authentication."""
    from django.contrib.auth.models import Group

    from allauth.account.models import EmailAddress

    def make(email, *, editor=False, superuser=False, password="correct horse battery"):
        if superuser:
            user = django_user_model.objects.create_superuser(email=email, password=password)
        else:
            user = django_user_model.objects.create_user(
                email=email, password=password, first_name=email.split("@")[0].title()
            )
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if editor:
            user.groups.add(Group.objects.get(name="Editors"))
        if editor or superuser:
            with_totp(user)
        return user

    return make


@pytest.fixture
def editor(make_user):
    return make_user("editor@example.org", editor=True)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def join(db):
    """Make `user` an active member (or manager) of `organisation`."""
    from portal.models import Membership

    def make(user, organisation, role="member"):
        return Membership.objects.create(
            user=user, organisation=organisation, role=role, status=Membership.Status.ACTIVE
        )

    return make


def complete_practice_data(**overrides):
    """POST data for the front-end practice form with every required field filled in."""
    data = {
        "title": "Homework club in the library",
        "summary": "Volunteers help pupils who arrived recently with their homework, twice a week.",
        "language": "en",
        "countries": [str(Country.objects.get(code="se").pk)],
        "implementation_level": "local",
        "action_areas": [str(term(ActionArea, "education-and-training").pk)],
        "start_date": "2022-09-01",
        "continuation": "ongoing",
        "budget_currency": "EUR",
        "approach": "<p>Volunteers and teachers meet pupils in the library.</p>",
        "evidence_level": "internal",
        "migrant_participation": "with-migrants",
        "links-TOTAL_FORMS": "2",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "10",
        "adapted_from-TOTAL_FORMS": "1",
        "adapted_from-INITIAL_FORMS": "0",
        "adapted_from-MIN_NUM_FORMS": "0",
        "adapted_from-MAX_NUM_FORMS": "5",
        "licence_consent": "on",
        "action": "submit",
    }
    data.update(overrides)
    return data


@pytest.fixture
def events_page(home):
    from agenda.models import EventIndexPage

    return EventIndexPage.objects.child_of(home).get()


@pytest.fixture
def make_event(events_page):
    """Create a live event; taxonomy as codes, e.g. action_areas=["housing"], languages=["en"]."""
    from agenda.factories import EventPageFactory
    from portal.models import Language

    def make(**kwargs):
        for field, model in TERM_MODELS.items():
            if field in kwargs:
                kwargs[field] = [term(model, code) for code in kwargs[field]]
        if "languages" in kwargs:
            kwargs["languages"] = list(Language.objects.filter(code__in=kwargs["languages"]))
        if isinstance(kwargs.get("country"), str):
            kwargs["country"] = Country.objects.get(code=kwargs["country"])
        for name in ("start_date", "end_date"):
            if isinstance(kwargs.get(name), str):
                kwargs[name] = datetime.date.fromisoformat(kwargs[name])
        if "start_date" in kwargs and "end_date" not in kwargs:
            kwargs["end_date"] = kwargs["start_date"]
        return EventPageFactory(parent=events_page, **kwargs)

    return make
