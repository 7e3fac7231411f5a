"""An event's times in the reader's own time zone, filled in by static/js/local-time.js."""

import datetime

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def event_url(make_event):
    start = datetime.date.today() + datetime.timedelta(days=10)
    return make_event(
        title="Webinar on housing first",
        start_date=start,
        start_time=datetime.time(10, 0),
        end_time=datetime.time(12, 0),
        timezone="Europe/Helsinki",
    ).url  # read here: the test body runs inside Playwright's event loop


def test_a_reader_elsewhere_sees_the_times_in_their_zone_too(event_url, live_server, browser):
    far = browser.new_context(timezone_id="America/New_York", locale="en-GB").new_page()
    far.goto(live_server.url + event_url)
    local = far.locator(".local-time")
    local.wait_for(state="visible")
    assert local.inner_text().startswith("In your time zone:")
    assert "(America/New York)" in local.inner_text()
    assert "Times in the event's time zone (Europe/Helsinki)." in far.inner_text("main")

    near = browser.new_context(timezone_id="Europe/Helsinki").new_page()
    near.goto(live_server.url + event_url)
    near.wait_for_load_state()
    assert not near.locator(".local-time").is_visible()  # same zone: nothing twice
