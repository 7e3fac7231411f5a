"""The API object and the registry of its sections.

Feature apps contribute their resources as ninja routers through a Wagtail hook, so that the
base never imports a feature:

    @hooks.register(API_SECTIONS)
    def practices_api():
        return ApiSection(order=10, prefix="/practices", router=router)

`urlpatterns()` (portal.urls) mounts every section under /api/v1/ and wraps each view with
`portal.api.http.open_data` (CORS, rate limit, conditional GET).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import Http404
from django.urls import include, path, re_path

from wagtail import hooks

from ninja import NinjaAPI, Router, Schema
from ninja.errors import HttpError, ValidationError
from ninja.renderers import JSONRenderer

from . import problems
from .http import open_data
from .params import check_query

API_SECTIONS = "register_api_section"
BASE_PATH = "api/v1/"

PROBLEM_SCHEMA = {
    "type": "object",
    "description": "Problem details (RFC 9457).",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "example": "about:blank"},
        "title": {"type": "string", "example": "Bad Request"},
        "status": {"type": "integer", "example": 400},
        "detail": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"parameter": {"type": "string"}, "message": {"type": "string"}},
            },
        },
    },
}
PROBLEMS = {
    "400": "A parameter is unknown or has a value that cannot be answered.",
    "404": "Nothing public has this address (or the page is past the last one).",
    "405": "Only GET, HEAD and OPTIONS.",
    "429": "Too many requests from this address this minute: see Retry-After.",
}


class Renderer(JSONRenderer):
    media_type = "application/json; charset=utf-8"
    json_dumps_params = {"ensure_ascii": False}  # letters as they are, not escaped


class OpenDataAPI(NinjaAPI):
    """The API, whose OpenAPI document also describes what every operation may answer besides
    its result: 304 to a conditional request, and the problem details."""

    def get_openapi_schema(self, **kwargs):
        schema = super().get_openapi_schema(**kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
        problem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
        for operations in schema["paths"].values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                responses.setdefault(
                    "304", {"description": "Not modified since If-None-Match/If-Modified-Since."}
                )
                for status, description in PROBLEMS.items():
                    responses.setdefault(status, {"description": description, "content": problem})
        return schema


api = OpenDataAPI(
    title="Integra open data API",
    version="1",
    description=(
        "Read-only access to everything public on the portal: good practices, events, "
        "organisations and the taxonomy. Filters take the same parameters, codes and meaning "
        "as the practice library and the events page, and give the same counts. Lists are "
        "paged (`page`, `page_size`) in a stable order, with facet counts. Answers carry "
        "`ETag` and `Last-Modified` (send `If-None-Match` / `If-Modified-Since` for a 304), "
        "CORS is open for reading, anonymous clients have a rate limit per minute (429 with "
        "`Retry-After`), errors are problem details (RFC 9457). Content licence: see each "
        "item's `licence`. DCAT-AP catalogue: /catalog.ttl, /catalog.jsonld, /catalog.rdf."
    ),
    urls_namespace="api-v1",
    renderer=Renderer(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
api.add_exception_handler(problems.Problem, problems.from_problem)
api.add_exception_handler(ValidationError, problems.from_validation_error)
api.add_exception_handler(HttpError, problems.from_http_error)
api.add_exception_handler(Http404, problems.from_not_found)


class Index(Schema):
    docs: str
    openapi: str
    catalog: str
    resources: dict[str, str]


@api.get("/", response=Index, summary="Where everything is")
def index(request):
    """The documentation, the OpenAPI document, the DCAT-AP catalogue and each resource."""
    check_query(request.GET, Schema, ())

    def absolute(relative):
        return request.build_absolute_uri("/" + BASE_PATH + relative.lstrip("/"))

    return {
        "docs": absolute("docs"),
        "openapi": absolute("openapi.json"),
        "catalog": request.build_absolute_uri("/catalog"),
        "resources": {prefix.strip("/"): absolute(prefix) for prefix in _mounted},
    }


@dataclass(frozen=True)
class ApiSection:
    order: int
    prefix: str  # "/practices"
    router: Router
    # The last moment this section's answers changed with the clock alone (events becoming
    # past), for its ETag and Last-Modified; None if time changes nothing.
    clock: Callable | None = None


_mounted = {}


def sections():
    found = sorted((fn() for fn in hooks.get_hooks(API_SECTIONS)), key=lambda s: s.order)
    for section in found:
        if section.prefix not in _mounted:
            api.add_router(section.prefix, section.router)
            _mounted[section.prefix] = section
    return list(_mounted.values())


def _clock(request):
    """The clock of the section this request is for."""
    relative = "/" + request.path.split(BASE_PATH, 1)[-1]
    for prefix, section in _mounted.items():
        if section.clock and relative.startswith(prefix):
            return section.clock()
    return None


@open_data
def not_found(request, rest=""):
    return problems.problem_response(404, "There is no such endpoint: see /api/v1/docs.")


def urlpatterns():
    sections()
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        pattern.callback = open_data(pattern.callback, clock=_clock)
    patterns = [*patterns, re_path(r"^(?P<rest>.*)$", not_found)]
    return [path(BASE_PATH, include((patterns, app_name), namespace=namespace))]
