"""Malformed input gets an answer, never a server error.

Every GET parameter of every public listing, search, feed and calendar endpoint receives
huge, negative, non-numeric and out-of-range values, quotes, full-text operators, unknown
codes and thousands of repeated keys; the submission forms receive the same in every field
and give back what was typed.
"""

import datetime

from django.urls import reverse
from django.utils.html import escape

import pytest

from portal.models import Country

pytestmark = pytest.mark.django_db

MALFORMED = [
    "-1",
    "99999999999999999999",
    "abc",
    "99999-01",
    "9999-12",
    "0001-01",
    "2026-13",
    'a"',
    '" OR 1=1 --',
    "NEAR(a b) AND NOT c*",
    "^a:b (c",
    "x" * 3000,
    "zz",
    "ünïcødé ✓",
]

LIBRARY_PARAMS = [
    "area",
    "theme",
    "country",
    "orgtype",
    "target",
    "funding",
    "level",
    "evidence",
    "participation",
    "status",
    "year",
    "sort",
    "page",
]
EVENT_PARAMS = ["when", "view", "month", "page", "area", "country", "format", "language"]
API_PARAMS = ["language", "modified_since", "page_size"]

ENDPOINTS = {
    "library": ("/en/practices/", LIBRARY_PARAMS, {}),
    "search": ("/en/search/", ["q", *LIBRARY_PARAMS], {}),
    "suggest": ("/en/search/suggest/", ["q"], {}),
    "events": ("/en/events/", EVENT_PARAMS, {}),
    "past events": ("/en/events/", EVENT_PARAMS, {"when": "past"}),
    "calendar": ("/en/events/", EVENT_PARAMS, {"view": "month"}),
    "ics": ("/en/events/feed.ics", EVENT_PARAMS, {}),
    "rss": ("/en/events/feed.rss", EVENT_PARAMS, {}),
    "atom": ("/en/events/feed.atom", EVENT_PARAMS, {}),
    "organisations": ("/en/organisations/", ["q", "country", "page"], {}),
    "api practices": ("/api/v1/practices", ["q", *LIBRARY_PARAMS, *API_PARAMS], {}),
    "api events": ("/api/v1/events", ["when", *EVENT_PARAMS[2:], "lang", *API_PARAMS[1:]], {}),
    "api past events": ("/api/v1/events", EVENT_PARAMS[2:], {"when": "past"}),
    "api organisations": ("/api/v1/organisations", ["q", "country", *API_PARAMS[:1]], {}),
    "api practice": ("/api/v1/practices/00000000-0000-0000-0000-000000000000", ["language"], {}),
    "catalogue": ("/catalog.ttl", ["format"], {}),
}


@pytest.fixture
def content(make_practice, make_event, organisation):
    make_practice(
        title="Homework club", organisation=organisation, action_areas=["education-and-training"]
    )
    make_event(title="Open day", organisation=organisation, start_date=datetime.date.today())
    # The last day an event may have (agenda.forms.LAST_YEAR).
    make_event(
        title="Last day",
        organisation=organisation,
        all_day=True,
        start_date=datetime.date(2200, 12, 31),
        end_date=datetime.date(2200, 12, 31),
    )


def assert_answers(client, url, data):
    response = client.get(url, data)
    shown = {key: str(value)[:40] for key, value in data.items()}
    assert response.status_code < 500, (url, shown)
    if url.startswith("/api/") and response.status_code >= 400:  # RFC 9457 problem details
        assert response["Content-Type"] == "application/problem+json", (url, shown)
        assert response.json()["status"] == response.status_code, (url, shown)
    return response


@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_malformed_get_parameters_never_give_a_server_error(client, content, endpoint):
    url, params, base = ENDPOINTS[endpoint]
    params = [param for param in params if param not in base]
    for value in MALFORMED:
        # Each value in every parameter at once, then alone in the free-text one (where a
        # malformed filter would otherwise hide what the query does).
        assert_answers(client, url, {**base, **dict.fromkeys(params, value)})
        assert_answers(client, url, {**base, params[0]: value})
    # Thousands of repeated keys, all different: not a person choosing filters.
    months = [f"{2000 + n // 12:04d}-{n % 12 + 1:02d}" for n in range(2000)]
    codes = [f"code-{n}" for n in range(2000)]
    # (Every parameter goes through the same selection code: a taxonomy, a choice and the
    # month stand for the others.)
    for param in {params[0], params[-1], "month" if "month" in params else params[-1]}:
        assert_answers(client, url, {**base, param: months if param == "month" else codes})
    assert_answers(client, url, {**base, **dict.fromkeys(params, months[:600])})


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/en/events/", {"view": "month", "month": "9998-12"}),
        ("/en/events/", {"view": "month", "month": "0001-01"}),
        ("/en/events/feed.ics", {"month": "9998-12"}),
        ("/en/search/suggest/", {"q": 'a"'}),
        ("/en/search/", {"q": 'homework"'}),
    ],
)
def test_edges_of_the_calendar_and_full_text_syntax(client, content, url, data):
    assert assert_answers(client, url, data).status_code == 200


# -- the submission forms ------------------------------------------------------------------

NUMBERS = ["-1", "99999999999999999999", "abc"]
DATES = ["9999-12-31", "0001-01-01", "10000-01-01"]
TEXTS = ["a\"<b>'", "x" * 700]
CODES = ["zz", "-1"]
VALUES = {
    "title": TEXTS,
    "summary": TEXTS,
    "people_reached": NUMBERS,
    "budget_amount": NUMBERS,
    "start_date": DATES,
    "end_date": DATES,
    "continuation": CODES,
    "countries": CODES,
    "approach": TEXTS,
    "links-0-url": ['a"', "javascript:alert(1)"],
    "start_time": ["25:99", "abc"],
    "registration_deadline": DATES,
    "timezone": ["Mars/Olympus", "zz"],
    "country": CODES,
    "body": TEXTS,
    "all_day": DATES,  # an all-day event ending on that day
}


@pytest.fixture
def member(make_user, organisation, join):
    user = make_user("ann@norrvik.example.org")
    join(user, organisation)
    return user


def practice_data(**overrides):
    data = {
        "title": "Homework club in the library",
        "summary": "Volunteers help pupils with their homework.",
        "language": "en",
        "countries": [str(Country.objects.get(code="se").pk)],
        "implementation_level": "local",
        "start_date": "2022-09-01",
        "continuation": "ongoing",
        "budget_currency": "EUR",
        "approach": "<p>Volunteers and teachers meet pupils.</p>",
        "evidence_level": "internal",
        "migrant_participation": "with-migrants",
        "links-TOTAL_FORMS": "2",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "10",
    }
    data.update(overrides)
    return data


def event_data(**overrides):
    data = {
        "title": "Peer visit",
        "summary": "Practitioners visit two welcome desks.",
        "kind": "study-visit",
        "status": "scheduled",
        "start_date": "2027-02-10",
        "start_time": "09:00",
        "end_date": "2027-02-10",
        "end_time": "15:00",
        "timezone": "Europe/Stockholm",
        "event_format": "online",
        "online_url": "https://example.org/join",
    }
    data.update(overrides)
    return data


# Drafts are saved without the page's own checks: these are tried as drafts too.
BOTH_ACTIONS = {"summary", "people_reached", "start_date", "all_day", "approach"}
PRACTICE_FIELDS = [
    "title",
    "summary",
    "people_reached",
    "budget_amount",
    "start_date",
    "end_date",
    "continuation",
    "countries",
    "approach",
    "links-0-url",
]
EVENT_FIELDS = [
    "title",
    "summary",
    "start_date",
    "start_time",
    "registration_deadline",
    "timezone",
    "country",
    "body",
    "all_day",
]


@pytest.mark.parametrize(
    ("route", "make_data", "fields"),
    [
        ("practice_submit", practice_data, PRACTICE_FIELDS),
        ("event_submit", event_data, EVENT_FIELDS),
    ],
    ids=["practice", "event"],
)
def test_malformed_form_values_are_answered_and_kept(
    client, member, library, events_page, route, make_data, fields
):
    client.force_login(member)
    url = reverse(route)
    for field in fields:
        for value in VALUES[field]:
            for action in ("submit", "save") if field in BOTH_ACTIONS else ("submit",):
                data = make_data(action=action, **{field: value})
                if field == "all_day":
                    data.update(all_day="on", start_date=value, end_date=value)
                response = client.post(url, data)
                assert response.status_code < 500, (action, field, value[:40])
                if response.status_code == 200 and field in ("title", "summary", "approach"):
                    assert escape(value)[:100] in response.content.decode(), (field, value[:40])
