"""Delivery of stored enquiries by e-mail, outside the request.

Each run claims due enquiries with one conditional UPDATE per row (state and time in
the WHERE clause), so that several workers or overlapping timer runs never send the
same enquiry twice, on SQLite and PostgreSQL alike. A claim is a lease: a worker that
dies mid-send leaves the enquiry to be claimed again when the lease runs out. Failures
are retried with exponential backoff; after MAX_ATTEMPTS the enquiry is marked failed
for an editor to see in the admin, and is still kept.
"""

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from wagtail.models import Site

from core.outbox import LEASE, backoff
from home.models import SiteSettings

from .models import Enquiry, EnquiryState

logger = logging.getLogger(__name__)


class NoRecipient(Exception):
    pass


def _due(now):
    return Q(state=EnquiryState.PENDING, next_attempt_at__lte=now) | Q(
        state=EnquiryState.SENDING, claimed_until__lt=now
    )


def claim(pk, now):
    """Take one enquiry for this worker; the token proves the claim later."""
    token = uuid.uuid4()
    updated = Enquiry.objects.filter(_due(now), pk=pk).update(
        state=EnquiryState.SENDING, claim_token=token, claimed_until=now + LEASE, attempts=F("attempts") + 1
    )
    return token if updated else None


def _site_settings(enquiry):
    site = None
    if enquiry.page_id:
        site = enquiry.page.get_site()
    site = site or Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site) if site else None, site


def _messages(enquiry):
    """The mail to the provider (or the contact person) and the confirmation."""
    site_settings, site = _site_settings(enquiry)
    site_name = site.site_name if site and site.site_name else settings.WAGTAIL_SITE_NAME
    provider = enquiry.offer.provider if enquiry.offer_id else None
    if provider and provider.email:
        recipient, routed = provider.email, False
    elif site_settings and site_settings.contact_email:
        recipient, routed = site_settings.contact_email, True
    else:
        raise NoRecipient("Neither the provider nor the contact person on site has an e-mail address.")
    context = {
        "enquiry": enquiry,
        "provider": provider,
        "site_name": site_name,
        "routed": routed,
        "contact": site_settings,
    }
    # Providers and the contact person read the site's language; the resident reads the
    # language the form was sent in.
    with translation.override(settings.LANGUAGE_CODE):
        to_provider = EmailMessage(
            subject=render_to_string("directory/emails/enquiry_subject.txt", context).strip(),
            body=render_to_string("directory/emails/enquiry_to_provider.txt", context),
            to=[recipient],
            reply_to=[enquiry.email] if enquiry.email else None,
        )
    confirmation = None
    if enquiry.email:
        with translation.override(enquiry.language):
            confirmation = EmailMessage(
                subject=render_to_string("directory/emails/confirmation_subject.txt", context).strip(),
                body=render_to_string("directory/emails/enquiry_confirmation.txt", context),
                to=[enquiry.email],
                reply_to=[site_settings.contact_email] if site_settings and site_settings.contact_email else None,
            )
    return to_provider, confirmation, recipient, routed


def deliver(pk, token, now=None):
    """Send what is still unsent of one claimed enquiry; True when it is delivered."""
    enquiry = Enquiry.objects.select_related("offer__provider", "page").get(pk=pk)
    mine = Enquiry.objects.filter(pk=pk, claim_token=token)
    try:
        to_provider, confirmation, recipient, routed = _messages(enquiry)
        if enquiry.provider_notified_at is None:
            to_provider.send(fail_silently=False)
            enquiry.provider_notified_at = timezone.now()
            # Recorded at once: a failing confirmation must not send this mail twice.
            mine.update(
                provider_notified_at=enquiry.provider_notified_at, recipient=recipient, routed_to_contact_person=routed
            )
        if confirmation is not None and enquiry.confirmation_sent_at is None:
            confirmation.send(fail_silently=False)
            mine.update(confirmation_sent_at=timezone.now())
    except Exception as error:  # noqa: BLE001 - any failure is retried, none may stop the others
        attempts = enquiry.attempts
        failed_for_good = isinstance(error, NoRecipient) or attempts >= settings.ENQUIRY_MAX_ATTEMPTS
        mine.update(
            state=EnquiryState.FAILED if failed_for_good else EnquiryState.PENDING,
            next_attempt_at=(now or timezone.now()) + backoff(attempts),
            claimed_until=None,
            last_error=f"{type(error).__name__}: {error}"[:2000],
        )
        logger.warning("Enquiry %s not delivered (attempt %s): %s", pk, attempts, type(error).__name__)
        return False
    mine.update(state=EnquiryState.DELIVERED, delivered_at=timezone.now(), claimed_until=None, last_error="")
    return True


def deliver_due(limit=100, now=None):
    """Deliver every enquiry that is due; returns (delivered, failed) counts."""
    now = now or timezone.now()
    candidates = list(
        Enquiry.objects.filter(_due(now)).order_by("next_attempt_at").values_list("pk", flat=True)[:limit]
    )
    delivered = failed = 0
    for pk in candidates:
        token = claim(pk, now)
        if token is None:
            continue  # another worker was faster
        if deliver(pk, token, now=now):
            delivered += 1
        else:
            failed += 1
    return delivered, failed


def retry(queryset):
    """Put failed enquiries back in the queue, e.g. after an editor fixed an address."""
    return queryset.exclude(state=EnquiryState.DELIVERED).update(
        state=EnquiryState.PENDING, next_attempt_at=timezone.now(), attempts=0, claimed_until=None
    )


def delete_expired(days=None, now=None):
    """Delete enquiries older than the retention period; returns how many."""
    days = settings.ENQUIRY_RETENTION_DAYS if days is None else days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    deleted, _ = Enquiry.objects.filter(created_at__lt=cutoff).delete()
    return deleted
