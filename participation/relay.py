"""Messages between residents, passed on by the site. The person behind an item gets
the message with the sender's address as Reply-To; the sender gets nothing back from
the site, so the poster's address reaches nobody unless the poster answers. Residents
the office entered without an address are reached through the office."""

from django.conf import settings

from wagtail.models import Site

from core import outbox
from home.models import SiteSettings


def relay(contribution, *, name, email, message, public_url):
    """Queue the message; False when nobody could receive it."""
    resident = contribution.resident
    context = {
        "contribution": contribution,
        "sender_name": name,
        "message": message,
        "public_url": public_url,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    if resident.email:
        subject, body = outbox.render("participation/emails/message", context, resident.language)
        outbox.queue(to=resident.email, reply_to=email, subject=subject, body=body, purpose="participation.message")
        return True
    site = Site.objects.filter(is_default_site=True).first()
    office = SiteSettings.for_site(site) if site else None
    if office is None or not office.contact_email:
        return False
    context.update({"resident": resident, "sender_email": email})
    subject, body = outbox.render("participation/emails/message_to_office", context, settings.LANGUAGE_CODE)
    outbox.queue(to=office.contact_email, reply_to=email, subject=subject, body=body, purpose="participation.message")
    return True
