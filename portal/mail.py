"""Every email leaves the request: Django's `EMAIL_BACKEND` is `QueuedEmailBackend`, which turns
each message into a background task; the worker hands it to the real backend
(`EMAIL_DELIVERY_BACKEND`: SMTP with `EMAIL_TIMEOUT` in production, the console locally) and
retries when the mail server is down, slow or refusing. A hung or refused mail server never
makes a page fail or wait, and nothing a user did is lost with the mail.
"""

import base64
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.dispatch import Signal

from .tasks import background_task

# Sent with `address=` by whatever learns that mail to an address bounces (an ESP webhook,
# e.g. django-anymail's tracking signal, or a bounce mailbox reader): alerts to it pause.
bounced = Signal()


def serialize(message):
    """A message as JSON-safe data (a task's arguments)."""
    attachments = []
    for attachment in message.attachments:
        filename, content, mimetype = attachment
        if isinstance(content, str):
            content = content.encode()
        attachments.append([filename, base64.b64encode(content).decode("ascii"), mimetype])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(k): str(v) for k, v in message.extra_headers.items()},
        "alternatives": [[str(c), m] for c, m in getattr(message, "alternatives", [])],
        "attachments": attachments,
        "content_subtype": message.content_subtype,
    }


def deserialize(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(pair) for pair in data["alternatives"]],
    )
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    message.content_subtype = data["content_subtype"]
    return message


@background_task(retry_on=(OSError, smtplib.SMTPException), attempts=6, delay=60)
def deliver(data):
    """Hand one queued message to the real mail backend."""
    connection = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False)
    return connection.send_messages([deserialize(data)])


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        queued = 0
        for message in email_messages:
            if not message.recipients():
                continue
            deliver.enqueue(serialize(message))
            queued += 1
        return queued
