"""Sending an issue and the digests through a real SMTP server: confirmed subscribers
only, each in their language, once each when two workers send and the server fails
at first; the one-click headers; digests with exactly what is new; hard bounces."""

import re
from contextlib import ExitStack
from datetime import datetime, timedelta
from email import message_from_bytes, policy

import pytest

from django.test import Client, override_settings
from django.utils import timezone

from core import outbox
from core.models import MailState, OutgoingMail
from letters import sending
from letters.models import LetterIssuePage, Subscription, Topic
from participation.models import Resident, State
from tests.mail import serving

pytestmark = pytest.mark.django_db


class FlakyHandler:
    """Answers 451 (try again later) to the first `failures` mails, then accepts; and
    refuses `refused` addresses for good (550), as a mailbox that does not exist."""

    def __init__(self, failures=0, refused=()):
        self.failures = failures
        self.refused = set(refused)
        self.messages = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.refused:
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        if self.failures > 0:
            self.failures -= 1
            return "451 4.3.0 Try again later"
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append(message)
        return "250 Message accepted for delivery"


@pytest.fixture
def flaky_smtp():
    with ExitStack() as servers:
        yield lambda **kwargs: servers.enter_context(serving(FlakyHandler(**kwargs)))


def subscriber(email, language="de", state=State.PUBLISHED, frequency="quarterly", topics=(), since=None):
    since = since or timezone.now() - timedelta(days=30)
    resident = Resident.objects.create(email=email, confirmed_at=since)
    return Subscription.objects.create(
        resident=resident,
        title="Quartiersbrief",
        language=language,
        frequency=frequency,
        topics=list(topics),
        state=state,
        published_at=since if state == State.PUBLISHED else None,
        confirmed_at=since,
        consented_at=since,
    )


def only_test_subscribers():
    """The demo's subscribers stay out of the counts."""
    Subscription.objects.exclude(resident__email__endswith="@example.org").delete()


def run_workers(rounds=8):
    """Two workers sweep the outbox in turn, the clock moving past each backoff."""
    now = timezone.now()
    for attempt in range(rounds):
        moment = now + timedelta(hours=attempt)
        outbox.send_due(now=moment)  # worker A
        outbox.send_due(now=moment)  # worker B finds nothing A has claimed or sent


def test_an_issue_goes_to_confirmed_subscribers_once_each_in_their_language(flaky_smtp, editor_client):
    only_test_subscribers()
    subscriber("de@example.org")
    subscriber("en@example.org", language="en")
    subscriber("gone@example.org", state=State.WITHDRAWN)
    subscriber("new@example.org", state=State.UNCONFIRMED)
    handler = flaky_smtp(failures=2)
    issue = LetterIssuePage.objects.get(slug="herbst")
    LetterIssuePage.objects.filter(pk=issue.pk).update(sent_at=None)

    confirm = editor_client.get(f"/admin/letters/{issue.pk}/send/")
    assert "2 bestätigte Adressen" in confirm.content.decode()  # the editor's admin is German
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}):
        editor_client.post(f"/admin/letters/{issue.pk}/send/")
        editor_client.post(f"/admin/letters/{issue.pk}/send/")  # a second click, or a second editor
    assert sending.queue_issue(issue.pk) == 2
    assert sending.queue_issue(issue.pk) == 0  # a task run twice queues nothing twice
    run_workers()

    assert sorted(message["To"] for message in handler.messages) == ["de@example.org", "en@example.org"]
    by_address = {message["To"]: message for message in handler.messages}
    english, german = by_address["en@example.org"], by_address["de@example.org"]
    assert "In this issue" in english.get_body(("plain",)).get_content()
    assert "In dieser Ausgabe" in german.get_body(("plain",)).get_content()
    assert german.get_content_type() == "multipart/alternative"
    html = german.get_body(("html",)).get_content()
    assert 'lang="de"' in html and "<img" not in html and "<link" not in html
    # RFC 8058: an https (here the site's) address, and the one-click POST header.
    unsubscribe = re.search(r"<([^>]+)>", str(german["List-Unsubscribe"])).group(1)
    assert german["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in german.get_body(("plain",)).get_content() and unsubscribe in html
    assert OutgoingMail.objects.filter(key__startswith=f"letters.issue:{issue.pk}:", state=MailState.SENT).count() == 2

    response = Client(enforce_csrf_checks=True).post(
        "/" + unsubscribe.split("/", 3)[3],
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert Subscription.objects.get(resident__email="de@example.org").state == State.WITHDRAWN


def test_a_test_mail_goes_to_the_editor_only(editor_client, smtp_server, django_capture_on_commit_callbacks):
    issue = LetterIssuePage.objects.get(slug="winter")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(f"/admin/letters/{issue.pk}/test/")
    assert response.status_code == 302
    (mail,) = smtp_server.messages
    assert mail["To"] == "redaktion@example.org" and mail["Subject"] == "[Test] Quartiersbrief Winter"
    issue.refresh_from_db()
    assert issue.sent_at is None


def test_an_unpublished_issue_cannot_be_sent(editor_client):
    issue = LetterIssuePage.objects.get(slug="winter")
    response = editor_client.post(f"/admin/letters/{issue.pk}/send/")
    assert "Veröffentlichen Sie die Ausgabe zuerst" in response.content.decode()
    issue.refresh_from_db()
    assert issue.sent_at is None


def test_a_hard_bounce_pauses_the_address_and_tells_the_editors(flaky_smtp):
    only_test_subscribers()
    subscriber("nobody@example.org")
    flaky_smtp(refused={"nobody@example.org"})
    issue = LetterIssuePage.objects.get(slug="herbst")
    sending.queue_issue(issue.pk)
    run_workers(rounds=1)

    paused = Subscription.objects.get(resident__email="nobody@example.org")
    assert paused.paused_at is not None and "550" in paused.pause_reason
    assert OutgoingMail.objects.get(to="nobody@example.org").state == MailState.FAILED
    assert paused not in sending.recipients()
    from core.attention import needs_attention

    assert any(paused.code in item.title for item in needs_attention())


def _local(year, month, day, hour=7):
    return timezone.make_aware(datetime(year, month, day, hour))


def test_a_digest_holds_exactly_what_is_new_in_its_topics_and_none_is_sent_when_empty(flaky_smtp):
    from exchange.models import SwapCategory, SwapPost

    only_test_subscribers()
    monday = _local(2027, 3, 1)  # a Monday, and the 1st: weekly and monthly are due
    last = monday - timedelta(days=7)
    weekly = subscriber("weekly@example.org", frequency="weekly", topics=[Topic.SWAP], since=last - timedelta(days=30))
    Subscription.objects.filter(pk=weekly.pk).update(last_digest_at=last)
    subscriber("events@example.org", frequency="monthly", topics=[Topic.EVENTS], since=monday - timedelta(days=1))
    handler = flaky_smtp()
    template = SwapPost.objects.public().first()

    def new_post(title, published):
        SwapPost.objects.create(
            resident=template.resident,
            **{name: getattr(template, name) for name in ("direction", "subject", "mode", "category", "area")},
            title=title,
            description="Gut erhalten.",
            handover="Abholung",
            state=State.PUBLISHED,
            published_at=published,
            expires_at=monday + timedelta(days=20),
        )

    new_post("Alter Stuhl", last - timedelta(hours=1))  # in the digest before
    new_post("Neue Leiter", monday - timedelta(days=2))
    new_post("Neues Sofa", monday - timedelta(days=1))

    # One who chose a category the new posts are not in: nothing new for them.
    other_category = SwapCategory.objects.exclude(translation_key=template.category.translation_key).first()
    choosy = subscriber("choosy@example.org", frequency="weekly", topics=[Topic.SWAP], since=last)
    Subscription.objects.filter(pk=choosy.pk).update(categories=[f"swap:{other_category.translation_key}"])

    assert sending.send_digests(now=monday) == 1  # the events subscriber has nothing new either
    run_workers(rounds=1)
    (mail,) = handler.messages
    assert mail["To"] == "weekly@example.org"
    text = mail.get_body(("plain",)).get_content()
    assert "Neue Leiter" in text and "Neues Sofa" in text and "Alter Stuhl" not in text
    assert Subscription.objects.get(pk=weekly.pk).last_digest_at == monday

    # The same morning again (a second worker, a rerun): nothing more.
    assert sending.send_digests(now=monday) == 0
    # The next Monday with nothing new: no mail.
    assert sending.send_digests(now=monday + timedelta(days=7)) == 0
    # A Tuesday is nobody's day.
    assert sending.send_digests(now=monday + timedelta(days=1)) == 0


def test_chosen_categories_keep_a_digest_to_them():
    from letters.content import Item, newer_than

    now = timezone.now()
    garden = Item(Topic.SWAP, "Spaten", "", "/", now, "de", category="garden-key")
    kitchen = Item(Topic.SWAP, "Topf", "", "/", now, "de", category="kitchen-key")
    role = Item(Topic.OFFERS, "Lesepate", "", "/", now, "de")
    items = {Topic.SWAP: [garden, kitchen], Topic.OFFERS: [role]}
    earlier = now - timedelta(days=1)
    assert newer_than(items, earlier) == items
    assert newer_than(items, earlier, ["swap:garden-key"]) == {Topic.SWAP: [garden], Topic.OFFERS: [role]}
    assert newer_than(items, now) == {}
