"""Test settings: fast hashing, plain static storage, no outgoing mail."""

from .base import *  # noqa: F403
from .base import DEVELOPMENT_SECRET_KEY

DEBUG = False
SECRET_KEY = DEVELOPMENT_SECRET_KEY
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
STORAGES["default"] = {"BACKEND": "django.core.files.storage.InMemoryStorage"}  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Query counts and most tests are about rendering; tests/home/test_page_cache.py
# switches the cache on.
PAGE_CACHE_SECONDS = 0
ALLOWED_HOSTS = ["localhost", "testserver", "127.0.0.1"]
BASE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
# Tasks run where they are enqueued; the worker's own tests (tests/core/test_worker.py)
# run it in a process of its own with the database backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Test clients log in without a request, which the lockout backend refuses, and
# Wagtail's page test helpers log in with the first backend listed, which must be able
# to load the user again. The lockout tests restore the production order and switch
# the lockout back on (tests/quartier/test_login_lockout.py).
AXES_ENABLED = False
PRODUCTION_AUTHENTICATION_BACKENDS = AUTHENTICATION_BACKENDS  # noqa: F405
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend", "axes.backends.AxesStandaloneBackend"]
# Tests search far more often than a person; tests/core/test_search_rate_limit.py
# sets a low limit.
SEARCH_RATE_LIMIT_PER_IP = 1_000_000
