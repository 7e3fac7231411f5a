"""What every open-data answer shares, around the view (the API's and the catalogue's):
CORS open for reading, an anonymous rate limit kept in the shared cache, and conditional GET.

The validators are derived from what every process sees: the `ETag` hashes the revision tokens
(portal.models.revisions: every change readers could notice bumps one), the address with its
query and whatever the answer depends on besides (the clock for events, the negotiated format);
`Last-Modified` is when the latest of those revisions changed. A 304 is answered before the
view runs.
"""

import hashlib
import math
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import TooManyFieldsSent
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from allauth.account.adapter import get_adapter

from portal.models import Revision

from .problems import problem_response

TOKENS = (Revision.PAGES, Revision.PRACTICES, Revision.TAXONOMY)
READ_METHODS = ("GET", "HEAD")
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Retry-After, Link",
}
PREFLIGHT_HEADERS = {
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match, If-Modified-Since",
    "Access-Control-Max-Age": "86400",
}
RATE_WINDOW = 60  # seconds


def rate_limited(request):
    """A 429 answer when this anonymous client address has used up its requests of the
    current minute (counted in the shared cache, so every process agrees), else None."""
    limit = settings.API_RATE_LIMIT
    user = getattr(request, "user", None)
    if not limit or (user is not None and user.is_authenticated):
        return None
    now = time.time()
    window = int(now // RATE_WINDOW) * RATE_WINDOW
    key = f"api:rate:{get_adapter().get_client_ip(request)}:{window}"
    cache.add(key, 0, RATE_WINDOW + 5)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, RATE_WINDOW + 5)
        used = 1
    if used <= limit:
        return None
    retry = max(1, math.ceil(window + RATE_WINDOW - now))
    return problem_response(
        429,
        f"At most {limit} requests a minute from one address without signing in: "
        f"try again in {retry} seconds.",
        headers={"Retry-After": str(retry)},
    )


def validators(request, extra=""):
    """(ETag, Last-Modified timestamp or None) of the answer to this request."""
    tokens = "|".join(str(Revision.current(name)) for name in TOKENS)
    query = sorted(request.GET.lists())
    fingerprint = f"{tokens}|{request.path}|{query}|{extra}|{settings.OPEN_DATA_LICENCE}"
    etag = '"' + hashlib.sha256(fingerprint.encode()).hexdigest()[:32] + '"'
    changed = Revision.last_changed(TOKENS)
    return etag, changed


def open_data(view=None, *, clock=None, negotiated=None):
    """Decorate a view that answers open data (see the module's docstring). `clock(request)`
    gives the last moment the answer changed with the time alone (or None); `negotiated
    (request)` the format chosen from the Accept header."""

    def decorate(view):
        @wraps(view)
        def answer(request, *args, **kwargs):
            response = _answer(view, request, args, kwargs, clock, negotiated)
            for name, value in CORS_HEADERS.items():
                response[name] = value
            return response

        return answer

    return decorate(view) if view is not None else decorate


def _answer(view, request, args, kwargs, clock, negotiated):
    if request.method == "OPTIONS":
        response = HttpResponse(status=204)
        for name, value in PREFLIGHT_HEADERS.items():
            response[name] = value
        return response
    if request.method not in READ_METHODS:
        response = problem_response(405, "The open data can only be read (GET).")
        response["Allow"] = "GET, HEAD, OPTIONS"
        return response
    limited = rate_limited(request)
    if limited is not None:
        return limited
    try:
        request.GET  # noqa: B018 - parse the query now, where its error can be answered
    except TooManyFieldsSent:
        limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        return problem_response(400, f"At most {limit} parameters in one request.")
    moment = clock(request) if clock else None
    chosen = negotiated(request) if negotiated else ""
    etag, changed = validators(request, f"{moment}|{chosen}")
    if moment is not None:
        changed = max(changed, moment) if changed is not None else moment
    stamp = int(changed.timestamp()) if changed is not None else None
    response = get_conditional_response(request, etag=etag, last_modified=stamp)
    if response is None:
        method, request.method = request.method, "GET"  # HEAD: the GET's answer (no body)
        try:
            response = view(request, *args, **kwargs)
        finally:
            request.method = method
    if response.status_code in (200, 304):
        response["ETag"] = etag
        if stamp is not None:
            response["Last-Modified"] = http_date(stamp)
        response["Cache-Control"] = "public, max-age=0, must-revalidate"
    if negotiated:
        patch_vary_headers(response, ["Accept"])
    return response
