"""Production: DEBUG off, a real secret key required, HTTPS enforced.

The site is expected behind a TLS-terminating proxy that sets X-Forwarded-Proto.
HTTPS=0 serves it over plain HTTP instead, as `make run` does on a local machine or
network: no redirect to https, no secure-only cookies, no HSTS.
"""

import os

from .base import *  # noqa: F403
from .base import env_bool, refuse_insecure_secret_key

DEBUG = False
refuse_insecure_secret_key(SECRET_KEY)  # noqa: F405

HTTPS = env_bool("HTTPS", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The proxy's X-Forwarded-For entry is the resident's address (enquiry rate limits).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", HTTPS)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365))) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail marks its own preview views SAMEORIGIN, so everything else can refuse framing.
X_FRAME_OPTIONS = "DENY"
