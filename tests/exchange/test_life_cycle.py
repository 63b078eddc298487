"""The life cycle of a swap post over HTTP, with mails through a real SMTP server:
confirmation by button, review of a first post, publication, reminder and extension,
expiry, messages between residents, reports, return with a reason."""

from datetime import timedelta

import pytest

from django.core import signing
from django.utils import timezone

from core.models import OutgoingMail
from exchange.models import SwapPost
from participation import lifecycle
from participation.models import Contribution, ModerationSettings, Report, Resident, State

from .helpers import BOARD, KNOWN_RESIDENT, NEW, links, message_data, path_of, post_data, post_url, public_post

pytestmark = pytest.mark.django_db


def confirm_link(smtp_server):
    (mail,) = [m for m in smtp_server.messages if "bestaetigen" in m.get_content()]
    return path_of(next(link for link in links(mail) if "/bestaetigen/" in link))


def test_a_link_opened_confirms_nothing_the_button_does(client, send, smtp_server):
    response = send(NEW, post_data())
    assert response.status_code == 302
    post = SwapPost.objects.get(title="Nähmaschine")
    assert post.state == State.UNCONFIRMED
    # What the resident agreed to is kept word for word, as proof.
    assert post.consent_text.startswith("Ich habe gelesen, was hier stehen darf")
    (mail,) = smtp_server.messages
    assert mail["To"] == "lena@example.org"
    link = confirm_link(smtp_server)

    # A mail scanner follows the link: a page with a button, nothing confirmed.
    page = client.get(link)
    assert page.status_code == 200
    assert 'method="post"' in page.content.decode()
    post.refresh_from_db()
    assert post.state == State.UNCONFIRMED

    response = send(link, {})
    assert response.status_code == 302
    assert "/mein-quartier/" in response["Location"]
    post.refresh_from_db()
    # A first post of an address waits for review.
    assert post.state == State.IN_REVIEW
    assert post.confirmed_at is not None and post.confirmed_from == "127.0.0.1"
    assert post.review_reason == "first contribution of this address"
    assert smtp_server.messages[-1]["Subject"].startswith("Eingegangen")
    assert post.pk not in [p.pk for p in SwapPost.objects.public()]

    # The resident's page shows it with its state.
    own = client.get(response["Location"])
    assert own.status_code == 200
    assert "Nähmaschine" in own.content.decode()

    # The same button again: a clear answer, nothing changes.
    again = send(link, {})
    assert again.status_code == 410
    post.refresh_from_db()
    assert post.state == State.IN_REVIEW


def test_a_second_post_of_a_known_address_is_published_at_once(client, send, smtp_server):
    send(NEW, post_data(email=KNOWN_RESIDENT))
    send(confirm_link(smtp_server), {})
    post = SwapPost.objects.get(title="Nähmaschine")
    assert post.state == State.PUBLISHED
    assert post.expires_at - post.published_at == timedelta(days=30)
    published = smtp_server.messages[-1]
    assert any(post_url(post) in link for link in links(published))
    assert client.get(post_url(post)).status_code == 200
    assert "Nähmaschine" in client.get(BOARD).content.decode()


def test_words_on_the_list_send_even_a_known_address_to_review(send, smtp_server):
    settings = ModerationSettings.load()
    settings.flag_words = "Welpe\nverkaufe"
    settings.save()
    send(NEW, post_data(email=KNOWN_RESIDENT, description="Verkaufe einen Welpen, Preis VB"))
    send(confirm_link(smtp_server), {})
    post = SwapPost.objects.get(title="Nähmaschine")
    assert post.state == State.IN_REVIEW
    assert "welpe" in post.review_reason and "verkaufe" in post.review_reason


def test_forged_cut_and_expired_confirmation_links_get_a_clear_answer(client, send, smtp_server, monkeypatch):
    send(NEW, post_data())
    link = confirm_link(smtp_server)
    assert client.get(link[:-6] + "xxxxx/").status_code == 400
    assert send(link.replace("bestaetigen/", "bestaetigen/A"), {}).status_code == 400
    post = SwapPost.objects.get(title="Nähmaschine")
    eight_days_ago = timezone.now().timestamp() - 8 * 86400
    monkeypatch.setattr(signing.time, "time", lambda: eight_days_ago)
    old = signing.dumps(post.pk, salt="participation.confirm")
    monkeypatch.undo()
    response = send(f"/de/bestaetigen/{old}/", {})
    assert response.status_code == 410
    assert "abgelaufen" in response.content.decode()
    post.refresh_from_db()
    assert post.state == State.UNCONFIRMED


def test_reminder_and_extension_come_at_the_right_days(client, send, smtp_server):
    post = public_post()
    now = timezone.now()
    Contribution.objects.filter(pk=post.pk).update(published_at=now, expires_at=now + timedelta(days=30))
    lifecycle.remind_due(now + timedelta(days=25))
    post.refresh_from_db()
    assert post.reminded_at is None
    lifecycle.remind_due(now + timedelta(days=26, hours=1))
    post.refresh_from_db()
    assert post.reminded_at is not None
    assert lifecycle.remind_due(now + timedelta(days=26, hours=2)) == 0  # once per term
    reminder = OutgoingMail.objects.get(purpose="participation.reminder", to=post.resident.email)
    assert "/mein-quartier/" in reminder.body

    # The resident extends from their page (the reminder's link).
    token = lifecycle.resident_link(post.resident).rstrip("/").rsplit("/", 1)[1]
    response = send(f"/de/mein-quartier/{token}/{post.pk}/extend/", {})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.expires_at == now + timedelta(days=60)
    assert post.reminded_at is None

    lifecycle.expire_due(now + timedelta(days=31))
    post.refresh_from_db()
    assert post.state == State.PUBLISHED
    lifecycle.expire_due(now + timedelta(days=60, seconds=1))
    post.refresh_from_db()
    assert post.state == State.EXPIRED
    assert OutgoingMail.objects.filter(purpose="participation.expired", to=post.resident.email).exists()


def test_expired_posts_leave_every_list_and_feed(client):
    post = public_post()
    Contribution.objects.filter(pk=post.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    # Before the expiry job has run: gone from the lists at once.
    for address in (BOARD, BOARD + "feed/", BOARD + "aushang/", f"/de/tauschboerse/?q={post.title}"):
        html = client.get(address).content.decode()
        assert post_url(post) not in html and post.code not in html, address
    assert client.get(post_url(post)).status_code == 404
    lifecycle.expire_due()
    post.refresh_from_db()
    assert post.state == State.EXPIRED


def test_a_message_reaches_the_poster_and_nobody_sees_their_address(client, send, smtp_server):
    post = public_post()
    poster = post.resident.email
    response = send(post_url(post), message_data())
    assert response.status_code == 302
    (mail,) = smtp_server.messages
    assert mail.envelope_recipients == [poster]
    assert mail["Reply-To"] == "tom@example.org"
    assert "Hallo, ich hätte Interesse" in mail.get_content()
    # Nothing goes back to the sender, and no page the sender sees names the poster.
    for address in (response["Location"], post_url(post), BOARD, BOARD + "feed/", BOARD + "aushang/"):
        html = client.get(address).content.decode()
        for resident in Resident.objects.exclude(email=None):
            assert resident.email not in html, address


def test_reports_of_several_people_hide_a_post_until_reviewed(client, send, editor_client, settings):
    post = public_post()
    report = {"action": "report", "reason": "commercial", "note": "Hat einen Preis"}
    assert send(post_url(post), report, REMOTE_ADDR="192.0.2.1").status_code == 302
    assert send(post_url(post), report, REMOTE_ADDR="192.0.2.1").status_code == 302  # the same person twice
    assert send(post_url(post), report, REMOTE_ADDR="192.0.2.2").status_code == 302
    post.refresh_from_db()
    assert not post.hidden
    assert Report.objects.filter(contribution=post).count() == 2
    send(post_url(post), report, REMOTE_ADDR="192.0.2.3")
    post.refresh_from_db()
    assert post.hidden
    assert client.get(post_url(post)).status_code == 404
    assert post.title not in client.get(BOARD).content.decode()
    # In the moderators' queue; found fine, it is shown again.
    queue = editor_client.get("/admin/contributions/").content.decode()
    assert post.title in queue
    editor_client.post(f"/admin/contributions/{post.pk}/approve/")
    post.refresh_from_db()
    assert not post.hidden and post.state == State.PUBLISHED
    assert client.get(post_url(post)).status_code == 200
    # Looked at, the same person may report it again.
    assert send(post_url(post), report, REMOTE_ADDR="192.0.2.1").status_code == 302
    assert Report.objects.filter(contribution=post, resolved_at__isnull=True).count() == 1


def test_moderation_returns_with_reason_and_the_resident_resubmits(
    editor_client, client, smtp_server, django_capture_on_commit_callbacks
):
    post = SwapPost.objects.get(state=State.IN_REVIEW)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(f"/admin/contributions/{post.pk}/return/", {"reason": "Bitte ohne Markennamen."})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.state == State.RETURNED
    assert post.reason == "Bitte ohne Markennamen."
    (mail,) = smtp_server.messages
    assert "Bitte ohne Markennamen." in mail.get_content()
    assert mail.envelope_recipients == [post.resident.email]
    # Who decided, and when, is in the audit log.
    history = editor_client.get(f"/admin/contributions/{post.pk}/").content.decode()
    assert "redaktion" in history and "Bitte ohne Markennamen." in history

    # The resident changes it from their page: back to review.
    my_page = path_of(next(link for link in links(mail) if "/mein-quartier/" in link))
    token = my_page.rstrip("/").rsplit("/", 1)[1]
    edit = f"/de/tauschboerse/{post.pk}/aendern/?von={token}"
    assert client.get(edit).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit, post_data(title="Brettspiele", email=None, consent=None))
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.state == State.IN_REVIEW and post.title == "Brettspiele"


def test_return_needs_a_reason(editor_client):
    post = SwapPost.objects.get(state=State.IN_REVIEW)
    editor_client.post(f"/admin/contributions/{post.pk}/return/", {"reason": ""})
    post.refresh_from_db()
    assert post.state == State.IN_REVIEW


def test_a_claimed_item_cannot_be_decided_by_another_moderator(editor_client, django_user_model):
    from django.test import Client

    post = SwapPost.objects.get(state=State.IN_REVIEW)
    assert editor_client.post(f"/admin/contributions/{post.pk}/claim/").status_code == 302
    other = Client()
    other.force_login(django_user_model.objects.create_superuser("zweite", "zweite@example.org", "x-lang-genug-1"))
    assert (
        f"/admin/contributions/{post.pk}/claim/" not in other.get(f"/admin/contributions/{post.pk}/").content.decode()
    )
    other.post(f"/admin/contributions/{post.pk}/approve/")
    post.refresh_from_db()
    assert post.state == State.IN_REVIEW
    editor_client.post(f"/admin/contributions/{post.pk}/approve/")
    post.refresh_from_db()
    assert post.state == State.PUBLISHED
