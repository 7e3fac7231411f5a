"""Events in the API: the events page's filters and counts, upcoming and past, every field."""

import datetime

import pytest

from tests.api.test_practices import counts, page_counts

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(make_event, organisation):
    today = datetime.date.today()
    return [
        make_event(
            title="Webinar on housing",
            organisation=organisation,
            action_areas=["housing"],
            languages=["en", "sv"],
            start_date=today + datetime.timedelta(days=3),
        ),
        make_event(
            title="Study visit Malmö",
            organisation=organisation,
            event_format="in-person",
            online_url="",
            city="Malmö",
            country="se",
            action_areas=["education-and-training"],
            languages=["sv"],
            start_date=today + datetime.timedelta(days=40),
        ),
        make_event(
            title="Last year's conference",
            organisation=organisation,
            action_areas=["health"],
            start_date=today - datetime.timedelta(days=365),
        ),
    ]


QUERIES = [
    "",
    "when=past",
    "area=housing",
    "language=sv",
    "format=in-person&country=se",
    "language=sv&area=housing&area=education-and-training",
]


@pytest.mark.parametrize("query", QUERIES)
def test_filters_and_counts_are_the_events_pages(client, api, events, query):
    listing = client.get("/en/events/?" + query)
    answer = api("/api/v1/events?" + query)
    assert answer["count"] == listing.context["events"].paginator.count
    assert counts(answer["facets"]) == page_counts(listing.context["facets"])
    assert [item["title"] for item in answer["results"]] == [
        event.title for event in listing.context["events"]
    ]


def test_month_filter_and_the_event_record(api, events):
    month = f"{events[1].start_date:%Y-%m}"
    answer = api("/api/v1/events", {"month": month, "lang": "sv"})
    titles = [item["title"] for item in answer["results"]]
    assert "Study visit Malmö" in titles
    item = next(item for item in answer["results"] if item["title"] == "Study visit Malmö")
    assert item["country"] == {"code": "se", "label": "Sverige"}
    assert item["format"]["code"] == "in-person" and item["online_url"] == ""
    assert item["start"].startswith(f"{events[1].start_date:%Y-%m-%d}T10:00:00+")
    assert item["timezone"] == "Europe/Brussels"
    assert [language["code"] for language in item["languages"]] == ["sv"]
    detail = api(f"/api/v1/events/{events[0].translation_key}")
    assert detail["online_url"] == "https://meet.example.org/integra"
    assert detail["organisation"]["slug"] == "newcomer-centre-malmo"


@pytest.mark.parametrize(
    "query",
    [{"when": "later"}, {"format": "carrier-pigeon"}, {"month": "2026-13"}, {"language": "xx"}],
)
def test_bad_event_parameters_are_problems(client, events, query):
    response = client.get("/api/v1/events", query)
    assert response.status_code == 400 and response["Content-Type"] == "application/problem+json"
    assert next(iter(query)) in response.json()["detail"]
