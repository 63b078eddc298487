"""Rate limits for the enquiry form, kept in Django's cache.

With Redis (REDIS_URL) every app process counts in the same place; `add` then `incr`
are atomic there, so two processes cannot both let the eleventh request through.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from quartier.client_ip import client_ip


def _key(kind, value):
    # Hashed: the cache holds no addresses in the clear.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{kind}:{value}".encode()).hexdigest()[:32]
    return f"directory:enquiry-limit:{kind}:{digest}"


def hit(kind, value, limit, window):
    """Count one use; True when this use is over the limit within the window."""
    key = _key(kind, value)
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:
        # The key expired between add and incr.
        cache.add(key, 1, timeout=window)
        count = 1
    return count > limit


def enquiry_limited(request, email, phone):
    """True when this address or this e-mail/phone has sent too many enquiries."""
    window = settings.ENQUIRY_RATE_WINDOW
    if hit("ip", client_ip(request), settings.ENQUIRY_RATE_LIMIT_PER_IP, window):
        return True
    contact = (email or "").strip().lower() or "".join(ch for ch in phone or "" if ch.isdigit())
    return bool(contact) and hit("contact", contact, settings.ENQUIRY_RATE_LIMIT_PER_CONTACT, window)
