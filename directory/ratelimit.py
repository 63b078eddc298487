"""Rate limits for the enquiry form (the counting is in core/ratelimit.py)."""

from django.conf import settings

from core.client_ip import client_ip
from core.ratelimit import hit


def enquiry_limited(request, email, phone):
    """True when this address or this e-mail/phone has sent too many enquiries."""
    window = settings.ENQUIRY_RATE_WINDOW
    if hit("enquiry-ip", client_ip(request), settings.ENQUIRY_RATE_LIMIT_PER_IP, window):
        return True
    contact = (email or "").strip().lower() or "".join(ch for ch in phone or "" if ch.isdigit())
    return bool(contact) and hit("enquiry-contact", contact, settings.ENQUIRY_RATE_LIMIT_PER_CONTACT, window)
