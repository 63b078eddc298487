"""How much one IP address and one e-mail address may send per hour: contributions,
messages, link requests and reports count together (the counting is core/ratelimit.py)."""

import hashlib

from django.conf import settings

from core.client_ip import client_ip
from core.ratelimit import hit


def limited(request, email=""):
    window = settings.PARTICIPATION_RATE_WINDOW
    if hit("participation-ip", client_ip(request), settings.PARTICIPATION_RATE_LIMIT_PER_IP, window):
        return True
    return bool(email) and hit("participation-address", email, settings.PARTICIPATION_RATE_LIMIT_PER_ADDRESS, window)


def reporter_key(request):
    """Who reported, as a keyed hash of the address: different people can be counted
    without storing who they are."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:reporter:{client_ip(request)}".encode()).hexdigest()
