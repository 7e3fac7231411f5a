"""The open-data licence (setting OPEN_DATA_LICENCE, a URL) and the names of well-known ones."""

from django.conf import settings

KNOWN = {
    "https://creativecommons.org/licenses/by/4.0/": "CC BY 4.0",
    "https://creativecommons.org/licenses/by-sa/4.0/": "CC BY-SA 4.0",
    "https://creativecommons.org/publicdomain/zero/1.0/": "CC0 1.0",
    "https://opendatacommons.org/licenses/by/1-0/": "ODC-By 1.0",
}


def name_of(url):
    """A licence's usual name, or its address when it is not a well-known one."""
    return KNOWN.get(url) or KNOWN.get(url.rstrip("/") + "/") or url


def current():
    """{"url", "name"} of the portal's open-data licence."""
    return {"url": settings.OPEN_DATA_LICENCE, "name": name_of(settings.OPEN_DATA_LICENCE)}
