"""gunicorn's settings for the portal (`gunicorn -c portal/gunicorn.py portal.wsgi`, as bin/serve
and the Procfile run it), read from the environment. GUNICORN_CMD_ARGS overrides any of them."""

import gc
import os

from django.db import connections

from portal.settings.env import env_int, env_str

bind = f"{env_str('HOST', '127.0.0.1')}:{env_int('PORT', 8000)}"  # behind the reverse proxy
workers = env_int("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1) + 1)
# Load the portal once in the master, before forking: workers share its memory and a broken
# configuration stops the server at once instead of every worker failing to boot in turn.
preload_app = True
timeout = 30  # a request still running after this is killed (and logged) with its worker
graceful_timeout = 30
keepalive = 5  # seconds an idle connection from the proxy stays open
# Restart each worker after about a thousand requests (spread, so they do not all restart at
# once): whatever a worker accumulates is returned.
max_requests = 1000
max_requests_jitter = 100
accesslog = "-"  # stdout: the service manager collects it
errorlog = "-"


def post_fork(server, worker):
    """Each worker opens its own database connections (kept between requests: CONN_MAX_AGE);
    none made while the app was preloaded in the master is shared across the fork."""
    connections.close_all()


def pre_fork(server, worker):
    """The preloaded portal's objects (models, URLs, catalogues) are left alone by the garbage
    collector from now on: every collection would otherwise walk them all again (a third of
    an API request's time), and workers keep sharing their memory pages with the master."""
    gc.collect()
    gc.freeze()
