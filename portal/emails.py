"""Plain-text notification emails, from templates/emails/<name>_subject.txt and _body.txt."""

import logging
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


def absolute(url):
    """The URL on the portal's public address, BASE_URL (WAGTAILADMIN_BASE_URL), whatever host
    `url` was built with: a request's, or a Wagtail Site's hostname and port."""
    parts = urlsplit(url)
    path = urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send(name, recipients, context, reply_to=None):
    """Send one email per recipient (addresses are never shown to each other)."""
    context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "base_url": settings.WAGTAILADMIN_BASE_URL,
        **context,
    }
    subject = " ".join(render_to_string(f"emails/{name}_subject.txt", context).split())
    body = render_to_string(f"emails/{name}_body.txt", context)
    sent = 0
    for address in sorted({r.email if hasattr(r, "email") else r for r in recipients if r}):
        message = EmailMessage(
            subject=f"[{settings.WAGTAIL_SITE_NAME}] {subject}",
            body=body,
            to=[address],
            reply_to=reply_to,
        )
        sent += message.send(fail_silently=False)
    logger.info("Sent %s email to %d recipient(s)", name, sent)
    return sent
