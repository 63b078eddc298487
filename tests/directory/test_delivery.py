"""Delivery outside the request, against a real SMTP server on loopback started by the
test: the mail arrives with the right recipient, Reply-To and content; a server that
is down loses nothing, and a later run delivers."""

import io
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from directory import delivery
from directory.models import Enquiry, EnquiryState, Offer, Provider
from home.models import SiteSettings
from tests.mail import CollectingHandler, free_port

from .helpers import directory_page


@pytest.fixture
def smtp_port():
    return free_port()


@pytest.fixture
def smtp_settings(smtp_port):
    """Mail settings for a port nothing listens on yet: unlike tests/mail.py's
    smtp_server, these tests start the server themselves, some only after a run that
    found it down."""
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=smtp_port,
        EMAIL_HOST_USER="",
        EMAIL_HOST_PASSWORD="",
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_TIMEOUT=5,
        DEFAULT_FROM_EMAIL="Lindenkiez <portal@example.org>",
    ):
        yield smtp_port


def start_server(port):
    inbox = CollectingHandler()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    return inbox, controller


def make_enquiry(offer_slug="seniorenfahrdienst-lindenmobil", **fields):
    offer = Offer.objects.select_related("provider").get(slug=offer_slug)
    data = {
        "offer": offer,
        "page": directory_page(),
        "offer_title": offer.title,
        "provider_name": offer.provider.name,
        "name": "Helga Wagner",
        "email": "helga@example.org",
        "phone": "030 1234567",
        "message": "Ich brauche am Montag eine Fahrt zur Augenärztin.",
        "preferred_time": "vormittags",
        "consent": True,
    }
    data.update(fields)
    return Enquiry.objects.create(**data)


def body(message):
    return message.get_body(preferencelist=("plain",)).get_content()


@pytest.mark.django_db(transaction=False)
def test_enquiry_is_delivered_over_real_smtp(smtp_settings):
    inbox, controller = start_server(smtp_settings)
    try:
        enquiry = make_enquiry()
        assert delivery.deliver_due() == (1, 0)
    finally:
        controller.stop()

    assert len(inbox.messages) == 2
    to_provider, confirmation = inbox.messages
    assert to_provider.envelope_recipients == ["hilfe@nachbarschaftshilfe.example.org"]
    assert to_provider["To"] == "hilfe@nachbarschaftshilfe.example.org"
    assert to_provider["Reply-To"] == "helga@example.org"
    assert to_provider["From"] == "Lindenkiez <portal@example.org>"
    assert "Seniorenfahrdienst" in to_provider["Subject"]
    text = body(to_provider)
    assert "Helga Wagner" in text
    assert "Augenärztin" in text
    assert "030 1234567" in text
    assert "vormittags" in text

    assert confirmation.envelope_recipients == ["helga@example.org"]
    assert "Ihre Anfrage" in confirmation["Subject"]
    assert "Nachbarschaftshilfe Lindenkiez" in body(confirmation)
    assert "030 23125 417" in body(confirmation)  # the contact person on site

    enquiry.refresh_from_db()
    assert enquiry.state == EnquiryState.DELIVERED
    assert enquiry.recipient == "hilfe@nachbarschaftshilfe.example.org"
    assert enquiry.attempts == 1
    assert enquiry.delivered_at and enquiry.provider_notified_at and enquiry.confirmation_sent_at


@pytest.mark.django_db
def test_server_down_keeps_the_enquiry_and_a_later_run_delivers(smtp_settings):
    enquiry = make_enquiry()
    assert delivery.deliver_due() == (0, 1)  # nothing listens on the port
    enquiry.refresh_from_db()
    assert enquiry.state == EnquiryState.PENDING
    assert enquiry.attempts == 1
    assert "ConnectionRefused" in enquiry.last_error
    assert enquiry.next_attempt_at > timezone.now()

    # Not due yet: a run right away leaves it alone.
    assert delivery.deliver_due() == (0, 0)

    inbox, controller = start_server(smtp_settings)
    try:
        later = timezone.now() + timedelta(minutes=2)
        assert delivery.deliver_due(now=later) == (1, 0)
    finally:
        controller.stop()
    enquiry.refresh_from_db()
    assert enquiry.state == EnquiryState.DELIVERED
    assert enquiry.attempts == 2
    assert enquiry.last_error == ""
    assert [message.envelope_recipients for message in inbox.messages] == [
        ["hilfe@nachbarschaftshilfe.example.org"],
        ["helga@example.org"],
    ]


@pytest.mark.django_db
def test_provider_without_email_goes_to_the_contact_person(smtp_settings):
    inbox, controller = start_server(smtp_settings)
    try:
        enquiry = make_enquiry("kleinreparaturen", email="", phone="030 7654321")
        call_command("deliver_enquiries", stdout=io.StringIO())
    finally:
        controller.stop()
    assert len(inbox.messages) == 1  # no e-mail address: no confirmation
    message = inbox.messages[0]
    assert message.envelope_recipients == ["quartiersbuero@example.org"]
    assert message["Reply-To"] is None
    text = body(message)
    assert "Tischlerei Brandt" in text and "030 23125 453" in text and "030 7654321" in text
    assert "telefonisch" in text
    enquiry.refresh_from_db()
    assert enquiry.routed_to_contact_person
    assert enquiry.state == EnquiryState.DELIVERED


@pytest.mark.django_db
def test_no_recipient_at_all_is_marked_failed_for_an_editor():
    Provider.objects.filter(slug="tischlerei-brandt").update(email="")
    SiteSettings.objects.update(contact_email="")
    enquiry = make_enquiry("kleinreparaturen")
    assert delivery.deliver_due() == (0, 1)
    enquiry.refresh_from_db()
    assert enquiry.state == EnquiryState.FAILED
    assert "NoRecipient" in enquiry.last_error


@pytest.mark.django_db
@override_settings(ENQUIRY_MAX_ATTEMPTS=3)
def test_retries_back_off_and_then_need_an_editor(smtp_settings):
    enquiry = make_enquiry()
    now = timezone.now()
    pauses = []
    for _attempt in range(3):
        delivery.deliver_due(now=now)
        enquiry.refresh_from_db()
        pauses.append(enquiry.next_attempt_at - now)
        now = enquiry.next_attempt_at
    assert pauses[:2] == [timedelta(minutes=1), timedelta(minutes=2)]
    assert enquiry.state == EnquiryState.FAILED
    assert enquiry.attempts == 3
    # Kept for the editor; once the cause is fixed it goes back into the queue.
    out = io.StringIO()
    call_command("deliver_enquiries", "--retry-failed", stdout=out)
    assert "1 failed enquiries queued again" in out.getvalue()
    enquiry.refresh_from_db()
    assert enquiry.state == EnquiryState.PENDING
    assert enquiry.attempts == 1  # the run right after tried once more, the server still being down


@pytest.mark.django_db
def test_confirmation_failure_does_not_send_the_provider_mail_twice(smtp_settings, monkeypatch):
    inbox, controller = start_server(smtp_settings)
    original = delivery.EmailMessage.send
    calls = {"n": 0}

    def flaky_send(message, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("connection reset")
        return original(message, *args, **kwargs)

    monkeypatch.setattr(delivery.EmailMessage, "send", flaky_send)
    try:
        enquiry = make_enquiry()
        assert delivery.deliver_due() == (0, 1)
        assert delivery.deliver_due(now=timezone.now() + timedelta(minutes=5)) == (1, 0)
    finally:
        controller.stop()
    assert [message.envelope_recipients for message in inbox.messages] == [
        ["hilfe@nachbarschaftshilfe.example.org"],
        ["helga@example.org"],
    ]
    enquiry.refresh_from_db()
    assert enquiry.state == EnquiryState.DELIVERED


@pytest.mark.django_db
def test_a_claim_is_taken_once():
    enquiry = make_enquiry()
    now = timezone.now()
    assert delivery.claim(enquiry.pk, now) is not None
    assert delivery.claim(enquiry.pk, now) is None  # a second worker gets nothing
    # A worker that died leaves the claim to expire, then it is taken again.
    assert delivery.claim(enquiry.pk, now + delivery.LEASE + timedelta(seconds=1)) is not None


@pytest.mark.django_db
def test_a_deleted_offer_does_not_lose_the_enquiry(smtp_settings):
    enquiry = make_enquiry()
    Offer.objects.filter(pk=enquiry.offer_id).delete()
    enquiry.refresh_from_db()
    assert enquiry.offer is None and enquiry.offer_title == "Seniorenfahrdienst „Lindenmobil“"
    inbox, controller = start_server(smtp_settings)
    try:
        assert delivery.deliver_due() == (1, 0)
    finally:
        controller.stop()
    assert inbox.messages[0].envelope_recipients == ["quartiersbuero@example.org"]


@pytest.mark.django_db
@override_settings(ENQUIRY_RETENTION_DAYS=30)
def test_retention_deletes_old_enquiries_only():
    old = make_enquiry()
    Enquiry.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    recent = make_enquiry()
    Enquiry.objects.filter(pk=recent.pk).update(created_at=timezone.now() - timedelta(days=29))
    out = io.StringIO()
    call_command("delete_old_enquiries", stdout=out)
    assert "1 enquiries older than 30 days deleted" in out.getvalue()
    assert list(Enquiry.objects.values_list("pk", flat=True)) == [recent.pk]


@pytest.mark.django_db
def test_retention_days_can_be_given_on_the_command_line():
    enquiry = make_enquiry()
    Enquiry.objects.filter(pk=enquiry.pk).update(created_at=timezone.now() - timedelta(days=8))
    call_command("delete_old_enquiries", "--days", "7", stdout=io.StringIO())
    assert not Enquiry.objects.exists()


@pytest.mark.django_db
def test_a_failed_delivery_task_is_retried_by_the_sweep_once_the_server_is_back(smtp_settings):
    from directory.tasks import deliver_due_enquiries, deliver_enquiry

    enquiry = make_enquiry()
    # The task the form enqueued finds the server down: the enquiry waits for a retry.
    assert deliver_enquiry.call(enquiry.pk) == "to retry"
    enquiry.refresh_from_db()
    assert (enquiry.state, enquiry.attempts) == (EnquiryState.PENDING, 1)
    assert "ConnectionRefusedError" in enquiry.last_error
    inbox, controller = start_server(smtp_settings)
    try:
        # Not yet due: the sweep leaves it alone.
        assert deliver_due_enquiries.call() == {"delivered": 0, "to_retry": 0}
        # A minute later (the first pause), the sweep sends it, once.
        Enquiry.objects.filter(pk=enquiry.pk).update(next_attempt_at=timezone.now())
        assert deliver_due_enquiries.call() == {"delivered": 1, "to_retry": 0}
        assert deliver_due_enquiries.call() == {"delivered": 0, "to_retry": 0}
        assert deliver_enquiry.call(enquiry.pk) == "not due"
    finally:
        controller.stop()
    enquiry.refresh_from_db()
    assert enquiry.state == EnquiryState.DELIVERED
    assert len(inbox.messages) == 2  # to the provider, and the confirmation
