"""What the browser is told may run: a Content-Security-Policy on every page (a looser one for
the Wagtail admin), a Permissions-Policy, no inline code in our templates, and a report
endpoint that logs violations, is rate-limited and never fails."""

import json
import logging
import re
from pathlib import Path

from django.conf import settings

import pytest

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"
REPORT = {
    "csp-report": {
        "document-uri": "http://testserver/en/",
        "effective-directive": "script-src-elem",
        "violated-directive": "script-src-elem",
        "blocked-uri": "inline",
        "source-file": "http://testserver/en/",
        "line-number": 12,
        "script-sample": "alert(1)",
    }
}


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ") if part}


def test_reader_pages_get_a_strict_policy(client, home, library):
    for url in ["/en/", "/en/practices/", "/en/search/?q=x", "/accounts/login/"]:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        policy = directives(response)
        assert policy["default-src"] == ["'self'"], url
        assert "'unsafe-inline'" not in policy["script-src"], url
        assert "'unsafe-eval'" not in policy["script-src"], url
        assert "'unsafe-inline'" not in policy["style-src"], url
        assert policy["object-src"] == ["'none'"], url
        assert policy["frame-ancestors"] == ["'none'"], url
        assert policy["report-uri"] == ["/csp-report/"], url
        permissions = response["Permissions-Policy"]
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert f"{feature}=()" in permissions, url


def test_not_found_and_error_pages_get_the_policy_too(client, home):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "'unsafe-inline'" not in directives(response)["script-src"]


def test_the_admin_gets_its_own_policy(editor_client, home):
    response = editor_client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" in policy["script-src"]
    assert not any(source.startswith("'nonce-") for source in policy["script-src"])
    assert policy["object-src"] == ["'none'"]
    assert "camera=()" in response["Permissions-Policy"]


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(ld\+)?json\")")
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style|\sstyle\s*=", re.IGNORECASE)


@pytest.mark.parametrize("template", sorted(TEMPLATES.rglob("*.html")), ids=str)
def test_templates_hold_no_inline_code(template):
    """Inline scripts, handlers and styles would be blocked on readers' pages: none are left
    (JSON data blocks are data, json_script's output is such a block)."""
    source = template.read_text()
    assert not INLINE_SCRIPT.search(source)
    assert not INLINE_HANDLER.search(source)
    assert not INLINE_STYLE.search(source)


def post_report(client, body, content_type="application/csp-report"):
    return client.post("/csp-report/", body, content_type=content_type)


def test_a_violation_report_is_logged(client, caplog):
    caplog.set_level(logging.INFO, logger="portal.csp")
    response = post_report(client, json.dumps(REPORT))
    assert response.status_code == 204
    assert "script-src-elem blocked 'inline' on http://testserver/en/" in caplog.text
    assert "alert(1)" in caplog.text


def test_a_reporting_api_report_is_logged(client, caplog):
    caplog.set_level(logging.INFO, logger="portal.csp")
    body = [
        {
            "type": "csp-violation",
            "body": {
                "documentURL": "http://testserver/en/practices/",
                "effectiveDirective": "style-src-attr",
                "blockedURL": "inline",
            },
        },
        {"type": "deprecation", "body": {"id": "x"}},
    ]
    response = post_report(client, json.dumps(body), "application/reports+json")
    assert response.status_code == 204
    assert "style-src-attr blocked 'inline' on http://testserver/en/practices/" in caplog.text
    assert caplog.text.count("CSP violation") == 1


JUNK = [
    b"",
    b"not json",
    b"\xff\xfe\x00garbage",
    b"[" * 20_000,
    b'{"csp-report": "string"}',
    b'{"csp-report": {"blocked-uri": {"nested": [1, 2, 3]}}}',
    b"[1, 2, null, {}]",
    b"42",
    json.dumps({"csp-report": {"blocked-uri": "x" * 100_000}}).encode(),
]


@pytest.mark.parametrize("body", JUNK, ids=range(len(JUNK)))
def test_junk_reports_get_204_never_500(client, body):
    assert post_report(client, body).status_code == 204


def test_report_endpoint_only_takes_posts(client):
    assert client.get("/csp-report/").status_code == 405


def test_reports_are_rate_limited(client, caplog):
    caplog.set_level(logging.INFO, logger="portal.csp")
    for _ in range(65):
        assert post_report(client, json.dumps(REPORT)).status_code == 204
    assert caplog.text.count("CSP violation") == 60
