"""The client's address, for login lockout and rate limits.

Behind a proxy every request comes from the proxy's address, so the real one is read
from X-Forwarded-For, but only as many hops as TRUSTED_PROXY_COUNT says: without a
trusted proxy that header is whatever the client chose to send.
"""

from django.conf import settings


def client_ip(request):
    trusted_proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if trusted_proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= trusted_proxies:
            return forwarded[-trusted_proxies]
    return request.META.get("REMOTE_ADDR", "")
