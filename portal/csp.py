"""What the browser may run: the Content-Security-Policy (django-csp), the Permissions-Policy,
and the endpoint browsers report policy violations to.

Readers' pages get the strict policy of `settings.CONTENT_SECURITY_POLICY`: scripts and styles
from our own origin only (inline code runs only with the request's nonce), no plugins, no
framing. The Wagtail admin still has inline scripts and style attributes (date pickers, inline
panels, wagtail-localize's editor), so pages under /admin/ get the looser
`settings.CONTENT_SECURITY_POLICY_ADMIN`; previews of pages keep the readers' policy.
"""

import json
import logging

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from allauth.core import ratelimit
from csp.middleware import CSPMiddleware

logger = logging.getLogger(__name__)

ADMIN_PREFIX = "/admin/"
MAX_REPORT_BYTES = 16 * 1024
REPORTED_FIELDS = {
    # report-uri ("application/csp-report") name: Reporting API ("application/reports+json") name
    "document-uri": "documentURL",
    "effective-directive": "effectiveDirective",
    "blocked-uri": "blockedURL",
    "source-file": "sourceFile",
    "line-number": "lineNumber",
    "script-sample": "sample",
}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware; the admin's pages get the admin's policy. A preview (Wagtail
    runs it through the middleware with the page's own path) keeps the readers' policy, and may
    be shown in the admin's preview panel."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        if getattr(request, "is_preview", False):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        elif request.path_info.startswith(ADMIN_PREFIX):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts


class PermissionsPolicyMiddleware:
    """Switch off the powerful browser features no page of ours uses (camera, microphone…)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


def _violations(body):
    """The violations in a report body of either format, as dicts of REPORTED_FIELDS."""
    data = json.loads(body)
    if isinstance(data, dict) and isinstance(data.get("csp-report"), dict):
        reports = [data["csp-report"]]
        names = {name: name for name in REPORTED_FIELDS}
    elif isinstance(data, list):
        reports = [
            item["body"]
            for item in data
            if isinstance(item, dict)
            and item.get("type") == "csp-violation"
            and isinstance(item.get("body"), dict)
        ]
        names = REPORTED_FIELDS
    else:
        raise ValueError("not a CSP report")
    return [
        {name: str(report.get(key, ""))[:300] for name, key in names.items()} for report in reports
    ]


@csrf_exempt
@require_POST
def csp_report(request):
    """Log the violations a browser reports; always answer 204, whatever is sent."""
    if not ratelimit.consume(request, action="csp_report"):
        return HttpResponse(status=204)
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_REPORT_BYTES:
        logger.info("CSP report of %s bytes ignored", length)
        return HttpResponse(status=204)
    try:
        violations = _violations(request.read(MAX_REPORT_BYTES))
    except (ValueError, RecursionError) as error:  # JSON, encoding or shape
        logger.info("Unreadable CSP report ignored: %s", error)
        return HttpResponse(status=204)
    for violation in violations:
        logger.warning(
            "CSP violation: %(effective-directive)s blocked %(blocked-uri)r on %(document-uri)s "
            "(%(source-file)s:%(line-number)s) %(script-sample)r",
            violation,
        )
    return HttpResponse(status=204)
