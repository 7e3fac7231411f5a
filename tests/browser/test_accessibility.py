"""axe-core in Chromium: no serious or critical WCAG 2.1 A/AA violations on the main page types."""

import datetime

from django.core.files.base import ContentFile

import pytest
from axe_playwright_python.sync_playwright import Axe

from portal.demo import artwork
from portal.models import CustomImage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def site(make_practice, make_organisation):
    logo = CustomImage.objects.create(
        title="Logo", file=ContentFile(artwork.logo(1, "City of Norrvik"), name="logo.png")
    )
    picture = CustomImage.objects.create(
        title="People together",
        description="Illustration: people standing side by side",
        file=ContentFile(artwork.illustration(1, "housing"), name="picture.png"),
    )
    organisation = make_organisation(
        "municipality",
        "se",
        name="City of Norrvik",
        slug="norrvik",
        logo=logo,
        website="https://norrvik.example.org/",
    )
    practice = make_practice(
        title="Shared flats with students",
        organisation=organisation,
        action_areas=["housing", "cross-cutting"],
        sub_themes=["access-to-housing"],
        target_groups=["refugees"],
        funding_instruments=["amif"],
        image=picture,
        challenge="<p>Young refugees leave reception centres with nowhere to go.</p>",
        results="<ul><li>120 tenants housed</li><li>80% still housed after a year</li></ul>",
        last_confirmed=datetime.date(2021, 1, 1),
        budget_amount=120000,
    )
    for number in range(14):
        make_practice(title=f"Language café {number}", organisation=organisation, image=picture)
    neighbours = make_organisation("ngo", "se", name="Neighbours", slug="neighbours")
    make_practice(
        title="Joint mentoring", organisation=neighbours, partner_organisations=[organisation]
    )
    import datetime as dt

    from agenda.factories import EventPageFactory
    from agenda.models import EventIndexPage

    listing = EventIndexPage.objects.get()
    event = EventPageFactory(
        parent=listing,
        title="Study visit to the café",
        organisation=organisation,
        event_format="hybrid",
        venue="Library",
        city="Malmö",
        country=organisation.country,
        start_date=dt.date.today() + dt.timedelta(days=3),
        related_practices=[practice],
    )
    EventPageFactory(
        parent=listing,
        title="Past webinar",
        organisation=organisation,
        start_date=dt.date.today() - dt.timedelta(days=3),
    )
    return {
        "home": "/en/",
        "library": "/en/practices/",
        "filtered library": "/en/practices/?area=housing&country=se",
        "empty library": "/en/practices/?area=health",
        "practice": practice.url,
        "organisation": organisation.get_absolute_url(),
        "search": "/en/search/?q=language",
        "organisations": "/en/organisations/",
        "events": "/en/events/",
        "events month": "/en/events/?view=month",
        "empty events month": "/en/events/?view=month&month=2040-01&country=se",
        "past events": "/en/events/?when=past",
        "event": event.url,
        "Arabic home": "/ar/",
        "Polish library": "/pl/practices/?area=housing",
        "Swedish practice": "/sv" + practice.url[3:],
        "Arabic events": "/ar/events/",
        "Arabic organisation": "/ar" + organisation.get_absolute_url()[3:],
        "Swedish library": "/sv/practices/",
        "sign in": "/en/accounts/login/",
        "sign up": "/en/accounts/signup/",
        "password reset": "/en/accounts/password/reset/",
        "sitemap": "/en/sitemap/",
        "Arabic sitemap": "/ar/sitemap/",
        "Swedish sitemap": "/sv/sitemap/",
        "search without results": "/en/search/?q=zzqqxx",
        "Arabic event": "/ar" + event.url[3:],
    }


def serious_violations(page):
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("width", [1280, 390])
def test_main_pages_have_no_serious_violations(site, live_server, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    problems = {}
    for name, path in site.items():
        response = page.goto(live_server.url + path)
        assert response.status == 200, name
        found = serious_violations(page)
        # WCAG 1.4.10 (reflow): nothing makes a phone-sized page scroll sideways.
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            found.append(f"page scrolls sideways by {overflow}px")
        if found:
            problems[name] = found
    assert problems == {}


def test_skip_link_moves_focus_to_main_content(site, live_server, page):
    page.goto(live_server.url + "/en/practices/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.fixture
def member(site, make_user, join):
    from portal.models import Organisation

    user = make_user("ann@norrvik.example.org", password="Newcomers-welcome-2026")
    join(user, Organisation.objects.get(slug="norrvik"), role="manager")
    return user


def test_member_pages_have_no_serious_violations(site, member, live_server, page):
    page.goto(live_server.url + "/en/accounts/login/")
    page.fill("main input[name=login]", "ann@norrvik.example.org")
    page.fill("main input[name=password]", "Newcomers-welcome-2026")
    page.click("main form button[type=submit]")
    problems = {}
    for path in [
        "/en/my/submissions/",
        "/en/my/practices/new/",
        "/en/organisations/norrvik/",
        "/en/organisations/norrvik/members/",
        "/en/organisations/new/",
        "/en/my/events/new/",
        "/en/accounts/email/",
        "/en/accounts/2fa/",
        "/en/accounts/delete/",
        site["practice"],
    ]:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert page.url == live_server.url + path, path  # not redirected to sign in
        found = serious_violations(page)
        if found:
            problems[path] = found
    # An invalid submission shows its errors accessibly too.
    page.goto(live_server.url + "/en/my/practices/new/")
    page.click("button[value=submit]")
    found = serious_violations(page)
    if found:
        problems["form with errors"] = found
    assert problems == {}
