"""What an anonymous or unrelated reader must not learn: restricted practices on event pages,
restricted translations in hreflang, the switcher and the listings, restricted pages in the
organisation counts, the search engine's address, and hidden proposed organisations."""

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.models import Translation, TranslationSource

import pytest

from portal.models import Country, Organisation, OrganisationStatus, OrganisationType
from tests.utils import card_titles, soup, text

pytestmark = pytest.mark.django_db


def restrict(page, kind="login"):
    if kind == "password":
        return PageViewRestriction.objects.create(page=page, restriction_type=kind, password="pw")
    if kind == "groups":
        from django.contrib.auth.models import Group

        restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind)
        restriction.groups.add(Group.objects.get(name="Editors"))
        return restriction
    return PageViewRestriction.objects.create(page=page, restriction_type=kind)


def test_an_event_page_lists_only_public_practices(client, make_practice, make_event):
    public = make_practice(title="Public café")
    members = make_practice(title="Members-only café")
    group = make_practice(title="Group café")
    restrict(members)
    restrict(group, "groups")
    event = make_event(title="Study visit")
    event.related_practices = [public, members, group]
    event.save_revision().publish()
    response = client.get(event.url)
    assert response.status_code == 200
    assert card_titles(response) == ["Public café"]
    for page in (members, group):
        assert page.title not in text(response) and page.url not in response.content.decode()


@pytest.fixture
def swedish(make_practice, django_capture_on_commit_callbacks):
    """A public English practice and its login-restricted Swedish translation."""
    practice = make_practice(title="Language café")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("sync_locales", "--languages", "sv")
        source, _ = TranslationSource.get_or_create_from_instance(practice)
        translation = Translation.objects.create(
            source=source, target_locale=Locale.objects.get(language_code="sv")
        )
        translation.save_target(publish=True)
    translated = practice.get_translation(Locale.objects.get(language_code="sv"))
    translated.title = "Språkkafé"
    translated.slug = "sprakkafe"
    translated.save_revision().publish()
    restrict(translated)
    return practice, translated


def test_a_restricted_translation_is_neither_linked_nor_hides_the_original(client, swedish):
    practice, translated = swedish
    page = soup(client.get(practice.url))
    hreflangs = {link["hreflang"] for link in page.select('link[rel="alternate"][hreflang]')}
    assert hreflangs == {"en", "x-default"}
    switcher = {a["hreflang"]: a["href"] for a in page.select(".lang-switch a")}
    translated.refresh_from_db()
    assert switcher["sv"] == "/sv/practices/" + practice.slug + "/" != translated.url
    assert "sprakkafe" not in str(page)
    fallback = client.get(switcher["sv"])
    assert fallback.status_code == 200 and "Language café" in text(fallback)
    # Swedish readers still find the public original in their library.
    assert card_titles(client.get("/sv/practices/")) == ["Language café"]


def test_organisation_counts_only_public_originals(client, organisation, make_practice):
    make_practice(title="Public café", organisation=organisation)
    make_practice(title="Draft", organisation=organisation, live=False)
    for kind in ("login", "password", "groups"):
        restrict(make_practice(title=f"Restricted {kind}", organisation=organisation), kind)
    response = client.get(reverse("organisation_list"))
    row = soup(response).find("a", string="Newcomer Centre Malmö").find_parent("tr")
    assert row.find_all("td")[-1].get_text(strip=True) == "1"


def test_search_health_tells_the_public_only_status_and_counts(client, settings, make_user):
    settings.SEARCH_URL = "http://10.11.12.13:9299"
    settings.SEARCH_TIMEOUT = 0.2
    public = client.get("/health/search/")
    assert public.status_code == 503
    body = public.json()
    assert body["status"] == "down"
    assert "error" not in body and "10.11.12.13" not in public.content.decode()
    public_keys = {"status", "engine", "documents", "pending_updates", "breaker", "breaker_until"}
    assert set(body) <= public_keys
    client.force_login(make_user("staff@example.org", editor=True))
    staff = client.get("/health/search/").json()
    assert staff["status"] == "down" and "error" in staff


def test_proposing_does_not_reveal_a_hidden_organisation(client, make_user, make_organisation):
    hidden = {"name": "Quiet Harbour", "slug": "quiet-harbour"}
    make_organisation(status=OrganisationStatus.PROPOSED, **hidden)
    client.force_login(make_user("someone@example.org"))
    response = client.post(
        reverse("organisation_propose"),
        {
            "name": "quiet harbour",
            "organisation_type": OrganisationType.objects.get(code="migrant-led").pk,
            "country": Country.objects.get(code="pt").pk,
        },
    )
    assert "already on Integra" not in text(response)
    assert response.status_code == 302
    assert Organisation.objects.filter(name__iexact="quiet harbour").count() == 2
