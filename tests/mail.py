"""A real SMTP server on loopback for mail tests: messages go through Django's SMTP
backend and an actual SMTP exchange, not the in-memory outbox."""

import re
import socket
from contextlib import contextmanager
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller

from django.test import override_settings


class CollectingHandler:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 -- aiosmtpd's hook name
        message = message_from_bytes(envelope.content, policy=policy.default)
        message.envelope_recipients = list(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(handler):
    """An SMTP server with `handler` on loopback, and Django's SMTP backend sending to it."""
    # aiosmtpd's controller cannot bind port 0 itself: it connects to its own port to
    # check that it started.
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=controller.port,
            EMAIL_USE_TLS=False,
            EMAIL_USE_SSL=False,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
            EMAIL_TIMEOUT=5,
        ):
            yield handler
    finally:
        controller.stop()


@pytest.fixture
def smtp_server():
    with serving(CollectingHandler()) as handler:
        yield handler


def press_the_confirmation_button(send, smtp_server):
    """Open the newest confirmation mail's link and press the button on its page."""
    mail = next(m for m in reversed(smtp_server.messages) if "/bestaetigen/" in m.get_content())
    link = re.search(r"https?://\S+/bestaetigen/\S+", mail.get_content()).group(0)
    return send("/" + link.split("/", 3)[3], {})
