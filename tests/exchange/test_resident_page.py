"""The resident's own page: only their own things, an expiring link, the buttons, the
export and the deletion of everything of one address."""

import json
from datetime import timedelta

import pytest

from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from core import personal_data
from core.models import OutgoingMail
from exchange.models import SwapPost
from participation.lifecycle import resident_link
from participation.models import Resident, State
from participation.tokens import RESIDENT_SALT, resident_token

from .helpers import KNOWN_RESIDENT, links, path_of, post_data

pytestmark = pytest.mark.django_db


def page_of(resident):
    return path_of(resident_link(resident))


def jonas():
    return Resident.objects.get(email=KNOWN_RESIDENT)


def test_the_page_shows_own_posts_and_the_stored_data_only(client):
    resident = jonas()
    html = client.get(page_of(resident)).content.decode()
    for post in SwapPost.objects.filter(resident=resident):
        assert post.title in html
    for post in SwapPost.objects.exclude(resident=resident):
        assert post.title not in html
    assert KNOWN_RESIDENT in html
    assert "noindex" in html


def test_the_page_is_never_cached(client):
    response = client.get(page_of(jonas()))
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_a_link_opens_nothing_of_another_resident(client, send):
    other = SwapPost.objects.exclude(resident=jonas()).filter(state=State.PUBLISHED).first()
    token = resident_token(jonas())
    response = send(f"/de/mein-quartier/{token}/{other.pk}/withdraw/", {})
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.state == State.PUBLISHED


def test_a_link_stops_working_after_its_time(client, monkeypatch, settings):
    resident = jonas()
    fifteen_days_ago = timezone.now().timestamp() - (settings.PARTICIPATION_LINK_DAYS + 1) * 86400
    monkeypatch.setattr(signing.time, "time", lambda: fifteen_days_ago)
    old = signing.dumps([resident.pk, resident.link_version], salt=RESIDENT_SALT)
    monkeypatch.undo()
    response = client.get(f"/de/mein-quartier/{old}/")
    assert response.status_code == 410
    assert "abgelaufen" in response.content.decode()
    assert KNOWN_RESIDENT not in response.content.decode()


def test_the_buttons_mark_extend_and_withdraw(client, send):
    resident = jonas()
    post = SwapPost.objects.filter(resident=resident, state=State.PUBLISHED).first()
    token = resident_token(resident)
    assert send(f"/de/mein-quartier/{token}/{post.pk}/reserved/", {}).status_code == 302
    post.refresh_from_db()
    assert post.state == State.RESERVED
    assert "Reserviert" in client.get(f"/de/tauschboerse/{post.pk}/").content.decode()
    assert send(f"/de/mein-quartier/{token}/{post.pk}/done/", {}).status_code == 302
    post.refresh_from_db()
    assert post.state == State.DONE
    assert client.get(f"/de/tauschboerse/{post.pk}/").status_code == 404
    # A button that no longer fits the state: a clear answer, nothing changes.
    response = send(f"/de/mein-quartier/{token}/{post.pk}/reserved/", {})
    assert response.status_code == 409
    assert send(f"/de/mein-quartier/{token}/{post.pk}/withdraw/", {}).status_code == 302
    post.refresh_from_db()
    assert post.state == State.WITHDRAWN
    assert client.get(f"/de/mein-quartier/{token}/{post.pk}/withdraw/").status_code == 405


def test_a_new_post_from_the_own_page_needs_no_confirmation(client, send):
    resident = jonas()
    token = resident_token(resident)
    form = client.get(f"/de/tauschboerse/neu/?von={token}").content.decode()
    assert 'name="email"' not in form
    response = send(f"/de/tauschboerse/neu/?von={token}", post_data(email=None, von=token))
    assert response.status_code == 302
    post = SwapPost.objects.get(title="Nähmaschine")
    assert post.resident == resident
    assert post.state == State.PUBLISHED


def test_send_me_my_link_answers_alike_for_known_and_unknown_addresses(client, send, smtp_server):
    from core.forms import make_timestamp

    from .helpers import post_data as _unused  # noqa: F401

    started = make_timestamp(timezone.now().timestamp() - 60)
    known = send("/de/mein-quartier/", {"email": KNOWN_RESIDENT.upper(), "started": started})
    unknown = send("/de/mein-quartier/", {"email": "niemand@example.org", "started": started})
    assert known.status_code == unknown.status_code == 200
    assert known.content.decode().replace(KNOWN_RESIDENT.upper(), "") == unknown.content.decode().replace(
        "niemand@example.org", ""
    )
    (mail,) = smtp_server.messages
    assert mail.envelope_recipients == [KNOWN_RESIDENT]
    page = path_of(next(link for link in links(mail) if "/mein-quartier/" in link))
    assert client.get(page).status_code == 200


def test_export_holds_everything_of_the_address_and_nothing_of_others(client):
    resident = jonas()
    OutgoingMail.objects.create(to=KNOWN_RESIDENT, subject="Hallo", body="Text", purpose="participation.link")
    OutgoingMail.objects.create(to="someone@example.org", subject="Andere", body="Text", purpose="x")
    response = client.get(page_of(resident) + "daten.json")
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    titles = {item["title"] for item in data["contributions"]}
    assert titles == set(SwapPost.objects.filter(resident=resident).values_list("title", flat=True))
    assert data["resident"]["email"] == KNOWN_RESIDENT
    assert [mail["subject"] for mail in data["mails"]] == ["Hallo"]
    assert all(item["consent"] for item in data["contributions"])
    assert "someone@example.org" not in response.content.decode()


def test_deleting_everything_leaves_nothing_of_the_address(client, send):
    resident = jonas()
    post = SwapPost.objects.filter(resident=resident).first()
    post.photo = ContentFile(b"\xff\xd8 not really a photo", name="x.jpg")
    post.save()
    photo = post.photo.name
    assert default_storage.exists(photo)
    OutgoingMail.objects.create(to=KNOWN_RESIDENT, subject="Hallo", body="Text", purpose="participation.link")
    page = page_of(resident)
    confirm = client.get(page + "loeschen/")
    assert confirm.status_code == 200 and 'method="post"' in confirm.content.decode()
    assert send(page + "loeschen/", {}).status_code == 200
    assert not Resident.objects.filter(email=KNOWN_RESIDENT).exists()
    assert not SwapPost.objects.filter(pk=post.pk).exists()
    assert not OutgoingMail.objects.filter(to=KNOWN_RESIDENT).exists()
    assert not default_storage.exists(photo)
    assert all(not rows for rows in personal_data.export(email=KNOWN_RESIDENT).values())
    # The link of the deleted resident leads nowhere.
    assert client.get(page).status_code == 410


def test_the_register_finds_and_deletes_a_resident(client):
    data = personal_data.export(email=KNOWN_RESIDENT)
    assert data["residents"][0]["resident"]["email"] == KNOWN_RESIDENT
    deleted = personal_data.delete(email=KNOWN_RESIDENT)
    assert deleted["residents"] == 1
    assert not SwapPost.objects.filter(resident__email=KNOWN_RESIDENT).exists()


def test_retention_deletes_ended_and_unconfirmed_posts(send):
    from participation.lifecycle import delete_old

    expired = SwapPost.objects.get(state=State.EXPIRED)
    send("/de/tauschboerse/neu/", post_data())
    unconfirmed = SwapPost.objects.get(title="Nähmaschine")
    now = timezone.now()
    delete_old(now + timedelta(days=8))
    assert not SwapPost.objects.filter(pk=unconfirmed.pk).exists()
    assert SwapPost.objects.filter(pk=expired.pk).exists()
    delete_old(now + timedelta(days=61))
    assert not SwapPost.objects.filter(pk=expired.pk).exists()
    assert SwapPost.objects.filter(state=State.PUBLISHED).exists()


def test_the_page_costs_the_same_queries_with_more_contributions(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    resident = jonas()
    page = page_of(resident)

    def queries():
        client.get(page)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page).status_code == 200
        return len(captured)

    few = queries()
    template = SwapPost.objects.filter(resident=resident).first()
    for number in range(8):
        template.pk = template.id = template.contribution_ptr_id = None
        template.code = f"Z{number}X{number}Z"
        template.title = f"Noch ein Ding {number}"
        template.save()
    assert queries() == few
