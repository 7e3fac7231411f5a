"""Errors of the read API as problem details (RFC 9457): `application/problem+json` with
`type`, `title`, `status` and `detail`, and `errors` naming each bad parameter. The type is
`about:blank` (the title is the HTTP status phrase): the status says what kind of problem it
is, `detail` and `errors` say what to change."""

import json
from http import HTTPStatus

from django.http import HttpResponse

CONTENT_TYPE = "application/problem+json"


class Problem(Exception):
    """Raised anywhere in an API view: answered as problem details with a 4xx status."""

    def __init__(self, status, detail, errors=None, headers=None):
        super().__init__(detail)
        self.status, self.detail = status, detail
        self.errors, self.headers = errors or [], headers or {}


def problem_response(status, detail, errors=None, headers=None):
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=CONTENT_TYPE
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def from_problem(request, exc):
    return problem_response(exc.status, exc.detail, exc.errors, exc.headers)


def from_validation_error(request, exc):
    """Ninja's (pydantic's) validation errors, one per parameter."""
    errors = []
    for error in exc.errors:
        location = [str(part) for part in error.get("loc", ()) if part not in ("query", "path")]
        errors.append({"parameter": ".".join(location), "message": str(error.get("msg", ""))})
    names = ", ".join(sorted({error["parameter"] for error in errors if error["parameter"]}))
    return problem_response(400, f"Invalid value of: {names or 'the request'}.", errors)


def from_not_found(request, exc):
    return problem_response(404, "Nothing public has this address.")


def from_http_error(request, exc):
    status = exc.status_code if 400 <= exc.status_code < 500 else 400
    return problem_response(status, str(exc))
