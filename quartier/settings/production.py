"""Production: DEBUG off, a real secret key required, HTTPS enforced.

The site is expected behind a TLS-terminating proxy that sets X-Forwarded-Proto.
"""

import os

from .base import *  # noqa: F403
from .base import env_bool, refuse_insecure_secret_key

DEBUG = False
refuse_insecure_secret_key(SECRET_KEY)  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The proxy's X-Forwarded-For entry is the resident's address (enquiry rate limits).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail marks its own preview views SAMEORIGIN, so everything else can refuse framing.
X_FRAME_OPTIONS = "DENY"
