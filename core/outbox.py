"""The outbox: mails are stored as rows first and sent by the worker.

`queue()` stores a mail and asks the worker to send it once the transaction commits;
the sweep every minute (settings.PERIODIC_TASKS) sends whatever is still due, so a
lost task delays a mail and a mail server that is down only postpones it. A mail is
claimed with one conditional UPDATE (state and time in the WHERE clause), so two
workers never send it twice; a claim is a lease that runs out if its worker dies.
Failures are retried with exponential backoff, then the mail is marked failed; a
mail server that refuses the address for good (a 5xx answer, a hard bounce) fails it
at once. `mail_failed` tells the app that queued it (the Quartiersbrief pauses the
address).

The enquiries keep their own delivery (directory/delivery.py): an enquiry is two mails
whose state is the enquiry's.
"""

import logging
import smtplib
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.dispatch import Signal
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import MailState, OutgoingMail

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=10)
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=6)

# Sent with `mail` (an OutgoingMail) when it will not be tried again.
mail_failed = Signal()


def backoff(attempts):
    """1, 2, 4, ... minutes after the n-th failed attempt, at most six hours."""
    return min(FIRST_RETRY * (2 ** max(attempts - 1, 0)), LONGEST_RETRY)


def render(template_prefix, context, language):
    """Subject and text of a mail from `<prefix>_subject.txt` and `<prefix>.txt`, in
    the reader's language."""
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        body = render_to_string(f"{template_prefix}.txt", context)
    return subject, body


def queue(*, to, subject, body, purpose, reply_to="", headers=None, key=None, html=""):
    """Store one mail and have it sent after the commit. With a `key`, a mail that was
    queued under the same key before is not queued again; returns None then."""
    try:
        with transaction.atomic():
            mail = OutgoingMail.objects.create(
                to=to,
                reply_to=reply_to,
                subject=subject[:300],
                body=body,
                html=html,
                purpose=purpose,
                headers=headers or {},
                key=key,
            )
    except IntegrityError:
        if key is None:
            raise
        return None
    transaction.on_commit(lambda: _enqueue(mail.pk))
    return mail


def _enqueue(pk):
    from .tasks import send_mail

    try:
        send_mail.enqueue(pk)
    except Exception:
        logger.exception("Mail %s not enqueued; the sweep will send it", pk)


def _due(now):
    return Q(state=MailState.PENDING, next_attempt_at__lte=now) | Q(state=MailState.SENDING, claimed_until__lt=now)


def claim(pk, now):
    token = uuid.uuid4()
    updated = OutgoingMail.objects.filter(_due(now), pk=pk).update(
        state=MailState.SENDING, claim_token=token, claimed_until=now + LEASE, attempts=F("attempts") + 1
    )
    return token if updated else None


def send(pk, token, now=None, connection=None):
    """Send one claimed mail; True when it went out. A batch passes its open SMTP
    `connection`; it is closed after a failure, so the next mail starts afresh."""
    mail = OutgoingMail.objects.get(pk=pk)
    mine = OutgoingMail.objects.filter(pk=pk, claim_token=token)
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.body,
        to=[mail.to],
        reply_to=[mail.reply_to] if mail.reply_to else None,
        headers=mail.headers or None,
        connection=connection,
    )
    if mail.html:
        message.attach_alternative(mail.html, "text/html")
    try:
        message.send(fail_silently=False)
    except Exception as error:  # noqa: BLE001 - any failure is retried, none may stop the others
        if connection is not None:
            connection.close()
        failed_for_good = refused_for_good(error) or mail.attempts >= settings.MAIL_MAX_ATTEMPTS
        mail.last_error = f"{type(error).__name__}: {error}"[:2000]
        mine.update(
            state=MailState.FAILED if failed_for_good else MailState.PENDING,
            next_attempt_at=(now or timezone.now()) + backoff(mail.attempts),
            claimed_until=None,
            last_error=mail.last_error,
        )
        logger.warning("Mail %s not sent (attempt %s): %s", pk, mail.attempts, type(error).__name__)
        if failed_for_good:
            mail_failed.send(sender=OutgoingMail, mail=mail)
        return False
    mine.update(state=MailState.SENT, sent_at=timezone.now(), claimed_until=None, last_error="")
    return True


def refused_for_good(error):
    """The mail server refused the address for good (5xx): another try would only be
    refused again. A 4xx (mailbox full, greylisting) is tried again, and so is any
    failure that is not about the address (a wrong password would otherwise fail every
    mail at once)."""
    return (
        isinstance(error, smtplib.SMTPRecipientsRefused)
        and bool(error.recipients)
        and all(code >= 500 for code, _text in error.recipients.values())
    )


def send_now(pk):
    token = claim(pk, timezone.now())
    if token is None:
        return None  # sent already, or claimed by another worker
    return send(pk, token)


def send_due(limit=200, now=None):
    """Send every mail that is due, at most `limit`, over one SMTP connection; returns
    (sent, failed)."""
    now = now or timezone.now()
    due = list(OutgoingMail.objects.filter(_due(now)).order_by("next_attempt_at").values_list("pk", flat=True)[:limit])
    sent = failed = 0
    if not due:
        return sent, failed
    connection = get_connection()
    try:
        for pk in due:
            token = claim(pk, now)
            if token is None:
                continue
            if send(pk, token, now=now, connection=connection):
                sent += 1
            else:
                failed += 1
    finally:
        connection.close()
    return sent, failed


def delete_old(now=None):
    """Mails older than the retention period, sent or not: they hold addresses and
    what was written."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.MAIL_RETENTION_DAYS)
    deleted, _ = OutgoingMail.objects.filter(created_at__lt=cutoff).delete()
    return deleted
