"""The outbox: a mail is stored first, sent by the worker through a real SMTP server,
retried when the server fails, never sent twice, and deleted after its time."""

from datetime import timedelta

import pytest

from django.test import override_settings
from django.utils import timezone

from core import outbox
from core.models import MailState, OutgoingMail
from tests.mail import free_port

pytestmark = pytest.mark.django_db


def queued(**overrides):
    fields = {"to": "lena@example.org", "subject": "Hallo", "body": "Text", "purpose": "test", **overrides}
    return outbox.queue(**fields)


def test_a_queued_mail_is_sent_once_with_its_reply_to(smtp_server):
    mail = queued(reply_to="tom@example.org")
    assert outbox.send_due() == (1, 0)
    assert outbox.send_due() == (0, 0)
    (message,) = smtp_server.messages
    assert message["Reply-To"] == "tom@example.org"
    assert message.envelope_recipients == ["lena@example.org"]
    mail.refresh_from_db()
    assert mail.state == MailState.SENT and mail.attempts == 1


def test_a_mail_claimed_by_one_worker_is_not_sent_by_another():
    mail = queued()
    now = timezone.now()
    assert outbox.claim(mail.pk, now) is not None
    assert outbox.claim(mail.pk, now) is None
    # A worker that died: its lease runs out and another one takes the mail.
    assert outbox.claim(mail.pk, now + outbox.LEASE + timedelta(seconds=1)) is not None


def test_a_mail_server_that_is_down_delays_the_mail_and_then_marks_it_failed(settings):
    settings.MAIL_MAX_ATTEMPTS = 2
    mail = queued()
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="127.0.0.1", EMAIL_PORT=free_port()
    ):
        now = timezone.now()
        assert outbox.send_due(now=now) == (0, 1)
        mail.refresh_from_db()
        assert mail.state == MailState.PENDING and mail.next_attempt_at == now + outbox.backoff(1)
        assert "ConnectionRefusedError" in mail.last_error
        assert outbox.send_due(now=now) == (0, 0)  # not due before its next attempt
        assert outbox.send_due(now=mail.next_attempt_at) == (0, 1)
    mail.refresh_from_db()
    assert mail.state == MailState.FAILED


def test_a_key_sends_one_mail_only():
    assert queued(key="letter:1:lena") is not None
    assert queued(key="letter:1:lena") is None
    assert OutgoingMail.objects.count() == 1


def test_old_mails_are_deleted(settings):
    old = queued()
    OutgoingMail.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    recent = queued()
    assert outbox.delete_old() == 1
    assert list(OutgoingMail.objects.values_list("pk", flat=True)) == [recent.pk]
