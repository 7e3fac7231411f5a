"""Every reader's page answers in a fixed number of SQL queries, whatever it shows.

Each page is measured with Django's cache emptied first (an uncached page); the cache is the
database here, so its reads and writes count too. What the process keeps in memory under a
revision token (the library's facet index, taxonomy labels) is built by a first visit, as in
any running server, where it is rebuilt once per change rather than per page. There is enough
content for a query per practice, event, term or image to show: a dozen practices with
images in two languages, a dozen events, a practice with a gallery, documents, links,
partners and a translation.
"""

import datetime

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

import pytest

from portal.demo import artwork
from portal.models import CustomImage, StandardPage
from practices.models import PracticeAttachment, PracticeGalleryImage, PracticeLink
from tests.utils import soup, text

pytestmark = pytest.mark.django_db

MAX_QUERIES = 15
MAX_QUERIES_SIGNED_IN = 25
AREAS = ["housing", "employment-and-skills", "health", "education-and-training"]
COUNTRIES = ["se", "de", "pl", "it"]
THEMES = ["access-to-housing", "labour-market-integration", "mental-health", "language-learning"]


def image(seed, area):
    return CustomImage.objects.create(
        title=f"Picture {seed}",
        file=ContentFile(artwork.illustration(seed, area, size=(96, 54)), name=f"p{seed}.png"),
    )


@pytest.fixture
def content(make_practice, make_organisation, make_event, home, django_capture_on_commit_callbacks):
    """Practices, events and a standard page, in English and Swedish."""
    with django_capture_on_commit_callbacks(execute=True):
        call_command("sync_locales", "--languages", "sv,ar")
    owner = make_organisation("ngo", "se", name="Welcome House", slug="welcome-house")
    partners = [
        make_organisation("academia", "de", name=f"Partner University {n}", slug=f"partner-{n}")
        for n in range(3)
    ]
    practices = []
    for n in range(12):
        practices.append(
            make_practice(
                title=f"Shared flats {n}",
                organisation=owner if n % 2 else partners[n % 3],
                image=image(n, AREAS[n % 4]),
                action_areas=[AREAS[n % 4], AREAS[(n + 1) % 4]],
                sub_themes=[THEMES[n % 4]],
                countries=[COUNTRIES[n % 4], COUNTRIES[(n + 2) % 4]],
                target_groups=["refugees", "women"],
                funding_instruments=["amif"],
            )
        )
    for n in range(4):
        make_practice(
            title=f"Språkcafé {n}",
            language="sv",
            image=image(20 + n, "education-and-training"),
            action_areas=["education-and-training"],
            sub_themes=["language-learning"],
        )
    featured = practices[0]
    featured.partner_organisations = partners
    featured.save_revision().publish()
    documents = get_document_model()
    for n in range(3):
        document = documents.objects.create(
            title=f"Report {n}",
            file=ContentFile(artwork.report_pdf("Report", "Welcome House", "Text"), name="r.pdf"),
        )
        PracticeAttachment.objects.create(page=featured, document=document, sort_order=n)
        PracticeGalleryImage.objects.create(page=featured, image=image(40 + n, "housing"))
        PracticeLink.objects.create(page=featured, url=f"https://example.org/{n}", title=f"L{n}")
    swedish = Locale.objects.get(language_code="sv")
    with django_capture_on_commit_callbacks(execute=True):
        source, _created = TranslationSource.get_or_create_from_instance(featured)
        Translation.objects.create(source=source, target_locale=swedish).save_target(publish=True)
    today = timezone.localdate()
    events = []
    for n in range(12):
        start = today + datetime.timedelta(days=(n - 4) * 3)
        event = make_event(
            title=f"Study visit {n}",
            organisation=owner,
            start_date=start,
            country=COUNTRIES[n % 4],
            event_format="in-person" if n % 2 else "online",
            city="Malmö",
            languages=["en", "sv"],
            action_areas=[AREAS[n % 4]],
            image=image(60 + n, AREAS[n % 4]) if n % 3 == 0 else None,
        )
        event.co_organisers = partners[:2]
        event.related_practices = practices[:4]
        event.save_revision().publish()
        events.append(event)
    about = StandardPage(title="About Integra", slug="about", introduction="Who we are.")
    home.add_child(instance=about)
    about.save_revision().publish()
    return {"owner": owner, "featured": featured, "events": events, "about": about}


@pytest.fixture
def uncached_get(client, django_assert_max_num_queries):
    """GET a page after a first visit, with Django's cache emptied, within `max_queries`."""

    def get(url, max_queries=MAX_QUERIES):
        client.get(url)
        cache.clear()
        with django_assert_max_num_queries(max_queries):
            response = client.get(url)
        assert response.status_code == 200, url
        return response

    return get


def query_count(client, url):
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def practice_cards(response):
    return [a.get_text(strip=True) for a in soup(response).select("article.card .card__title a")]


def event_cards(response):
    return [a.get_text(strip=True) for a in soup(response).select(".event-card .card__title a")]


def reader_pages(content):
    """(address, what a reader must see there) for every kind of reader's page."""
    featured, event = content["featured"], content["events"][6]
    swedish = featured.get_translation(Locale.objects.get(language_code="sv"))

    def home(response):
        assert len(practice_cards(response)) == 6 and event_cards(response)

    def library(response):
        assert practice_cards(response) and soup(response).select("img.card__image")

    def translation(response):
        page = text(response)
        assert "Report 2" in page and "L2" in page  # its documents and links
        assert all(f"Partner University {n}" in page for n in range(3))
        assert len(soup(response).select(".gallery img")) == 3
        assert practice_cards(response)  # related practices

    def practice(response):
        translation(response)
        assert event_cards(response)  # the events about it (not about its translation)

    def events(response):
        assert event_cards(response) or "Study visit" in text(response)

    def event_page(response):
        assert event.title in text(response) and len(practice_cards(response)) == 4

    def feed(response):
        assert b"Study visit 11" in response.content

    def search(response):
        assert len(practice_cards(response)) >= 3

    def directory(response):
        assert "Welcome House" in text(response)

    def profile(response):
        assert len(practice_cards(response)) >= 6 and event_cards(response)

    def standard(response):
        assert "Who we are." in text(response)

    def sitemap(response):
        assert response.content.count(b"<url>") >= 28

    return [
        ("/en/", home),
        ("/sv/", home),
        ("/ar/", home),
        ("/en/practices/", library),
        ("/en/practices/?area=housing", library),
        ("/en/practices/?area=housing&area=health&country=se&target=women&sort=title", library),
        ("/sv/practices/", library),
        ("/sv/practices/?area=education-and-training&theme=language-learning", library),
        (featured.url, practice),
        (swedish.url, translation),
        ("/en/events/", events),
        ("/en/events/?when=past", events),
        ("/en/events/?view=month", events),
        ("/en/events/?area=housing&format=online&language=sv", events),
        (event.url, event_page),
        ("/en/events/feed.ics", feed),
        ("/en/events/feed.rss", feed),
        ("/en/events/feed.atom", feed),
        ("/en/search/?q=flats", search),
        ("/sv/search/?q=shared+flats&area=housing", search),
        ("/en/organisations/", directory),
        (content["owner"].get_absolute_url(), profile),
        (content["about"].url, standard),
        ("/sitemap.xml", sitemap),
    ]


def test_every_reader_page_answers_in_a_fixed_number_of_queries(content, uncached_get, subtests):
    for url, check in reader_pages(content):
        with subtests.test(url=url):
            check(uncached_get(url))


def test_counts_do_not_grow_with_the_content(client, content, make_practice, make_event):
    urls = ["/en/", "/en/practices/", "/en/events/", "/en/search/?q=flats", "/sitemap.xml"]
    before = {url: query_count(client, url) for url in urls}
    for n in range(8):
        make_practice(title=f"More flats {n}", image=image(80 + n, "housing"), countries=["fi"])
        make_event(title=f"More visits {n}", country="fi", languages=["fi"])
    assert {url: query_count(client, url) for url in urls} == before


def test_signed_in_member_pages_stay_bounded(client, content, make_user, join, uncached_get):
    member = make_user("member@example.org")
    join(member, content["owner"])
    client.force_login(member)
    for url in ["/en/", "/en/practices/", content["featured"].url]:
        response = uncached_get(url, MAX_QUERIES_SIGNED_IN)
        assert "My submissions" in text(response) and practice_cards(response)
