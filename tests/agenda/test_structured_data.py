"""The event page's JSON-LD: no title or summary can end the script element or open a comment
that swallows the page (serialised like Django's json_script)."""

import json

import pytest

# The HTML5 parsing algorithm, as browsers run it (bleach ships html5lib for the same purpose).
from bleach._vendor import html5lib

from agenda.structured_data import event_json_ld

pytestmark = pytest.mark.django_db

TITLE = "<!--<script>"
SUMMARY = "Bring friends & family."
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_hostile_title_neither_blanks_the_page_nor_breaks_the_json_ld(client, make_event):
    event = make_event(title=TITLE, summary=SUMMARY, city="Malmö", venue="Library")
    response = client.get(event.url)
    assert response.status_code == 200

    # Parsed as a browser parses it: the page's content is still there after the script.
    document = html5lib.parse(response.content.decode(), namespaceHTMLElements=True)
    scripts = [
        element
        for element in document.iter(XHTML + "script")
        if element.get("type") == "application/ld+json"
    ]
    assert len(scripts) == 1
    data = json.loads(scripts[0].text)
    assert data["name"] == TITLE
    assert data["description"].startswith("Bring friends & family")
    headings = list(document.iter(XHTML + "h1"))
    assert [heading.text.strip() for heading in headings] == [TITLE]
    assert list(document.iter(XHTML + "footer"))


def test_json_ld_escapes_like_json_script(make_event):
    event = make_event(title="A <b> & </script> C")
    text = str(event_json_ld(event))
    assert not {"<", ">", "&"} & set(text)
    assert json.loads(text)["name"] == "A <b> & </script> C"
