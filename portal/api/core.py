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

from ninja import NinjaAPI, Router
from ninja.errors import HttpError, ValidationError

from . import problems
from .http import open_data

API_SECTIONS = "register_api_section"
BASE_PATH = "api/v1/"

api = NinjaAPI(
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
    docs_url="/docs",
    openapi_url="/openapi.json",
)
api.add_exception_handler(problems.Problem, problems.from_problem)
api.add_exception_handler(ValidationError, problems.from_validation_error)
api.add_exception_handler(HttpError, problems.from_http_error)
api.add_exception_handler(Http404, problems.from_not_found)


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
