"""Settings for the benchmark server: production-like (DEBUG off, compressed static
files with hashed names, Redis when REDIS_URL is set) on plain HTTP on loopback, with
one extra view, /bench-ok, the bare Django ceiling."""

import os
import tempfile

from quartier.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY") or "benchmark-only-" + "x" * 60
ROOT_URLCONF = "benchmarks.urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
STATIC_ROOT = os.environ.get("STATIC_ROOT") or os.path.join(tempfile.gettempdir(), "quartier-bench-static")
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# wrk searches thousands of times a second from one address: the limit would answer
# most of them with 429 and measure the limit instead of the search.
SEARCH_RATE_LIMIT_PER_IP = 10**9
# Tasks (the search index of the seeded offers, above all) run where they are
# enqueued, as a worker would have run them before the first measured request.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
