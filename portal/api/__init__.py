"""The read API at /api/v1/ (django-ninja): the base's API object, the section registry
features add their routers to (`core`), what every answer shares (`http`: CORS, rate limit,
conditional GET; `problems`: RFC 9457 errors; `params`: the listings' filters; `schemas`), and
the base's own resources (`resources`: taxonomy, organisations)."""
