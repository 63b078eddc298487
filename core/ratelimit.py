"""Rate limits kept in Django's cache, for the enquiry form and for searches.

With Redis (REDIS_URL) every app process counts in the same place; `add` then `incr`
are atomic there, so two processes cannot both let one request too many through.
"""

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse

from .client_ip import client_ip


def _key(scope, value, window_number):
    # Hashed: the cache holds no addresses in the clear.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{scope}:{value}".encode()).hexdigest()[:32]
    return f"quartier:rate-limit:{scope}:{digest}:{window_number}"


def hit(scope, value, limit, window):
    """Count one use; True when this use is over the limit within the window.

    Counted in fixed windows of `window` seconds, each under a key of its own, which is
    given the rest of its window again after counting: Django's database cache (the
    cache without Redis) stores an `incr` with the cache's default timeout of five
    minutes, so an hour's limit of enquiries was forgotten five minutes after the last
    one."""
    now = time.time()
    key = _key(scope, value, int(now // window))
    rest_of_window = math.ceil(window - now % window)
    cache.add(key, 0, timeout=rest_of_window)
    try:
        count = cache.incr(key)
    except ValueError:
        # The key expired between add and incr.
        cache.add(key, 1, timeout=rest_of_window)
        count = 1
    cache.touch(key, rest_of_window)
    return count > limit


class SearchRateLimitMiddleware:
    """Every search (a GET with a `q` parameter: the site search, the directory, the
    clubs) counts against the visitor's address. A search costs a full-text query,
    so a script could otherwise keep the database busy; a person never types this
    many in a minute. The answer over the limit is a page that says so, with 429."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        searching = request.method in ("GET", "HEAD") and request.GET.get("q", "").strip()
        if searching and not request.path.startswith(("/admin/", "/django-admin/")):
            window = settings.SEARCH_RATE_WINDOW
            if hit("search", client_ip(request), settings.SEARCH_RATE_LIMIT_PER_IP, window):
                response = TemplateResponse(request, "429.html", {"retry_minutes": max(1, window // 60)}, status=429)
                response["Retry-After"] = str(window)
                # Middleware answers are not rendered by the handler, as views' are.
                return response.render()
        return self.get_response(request)
