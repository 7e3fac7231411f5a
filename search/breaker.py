"""The search circuit breaker: after a cluster failure every process answers from the
database for SEARCH_BREAKER_SECONDS, then one request probes the cluster while the others
keep using the database; the probe's answer closes the breaker or opens it for another
interval. A hung cluster costs one timeout per interval, not one per request.

The state lives in Django's cache (the shared database cache; Redis in production), so every
web worker, the task worker and management commands share it. Keyed by SEARCH_URL.
"""

import datetime
import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

CLOSED, PROBE, OPEN = "closed", "probe", "open"
KEEP = 7 * 24 * 3600  # an open breaker's record outlives any interval; closing deletes it


def _key(name):
    cluster = hashlib.sha256(settings.SEARCH_URL.encode()).hexdigest()[:16]
    return f"search-breaker:{name}:{cluster}"


def check():
    """CLOSED: use the cluster. PROBE: use it, this caller tests whether it is back (then
    call `close()` or `trip()`). OPEN: use the database."""
    state = cache.get(_key("state"))
    if state is None:
        return CLOSED
    if time.time() < state["until"]:
        return OPEN
    # One caller in all processes wins the probe; if it dies, another may probe an interval later.
    if cache.add(_key("probe"), True, timeout=max(settings.SEARCH_BREAKER_SECONDS, 1)):
        return PROBE
    return OPEN


def trip(error):
    """The cluster failed: answer from the database for the next interval."""
    seconds = settings.SEARCH_BREAKER_SECONDS
    cache.set(_key("state"), {"until": time.time() + seconds, "error": str(error)[:200]}, KEEP)
    cache.delete(_key("probe"))
    logger.warning("Search breaker open for %s s after a cluster failure: %s", seconds, error)


def close():
    cache.delete_many([_key("state"), _key("probe")])
    logger.info("Search cluster answers again: breaker closed")


def status():
    """For the health check: {"breaker": "open" | "closed", "breaker_until": ISO time}."""
    state = cache.get(_key("state"))
    if state is None:
        return {"breaker": CLOSED}
    until = datetime.datetime.fromtimestamp(state["until"], tz=datetime.UTC)
    return {"breaker": OPEN, "breaker_until": until.isoformat(timespec="seconds")}
