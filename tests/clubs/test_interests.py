"""Volunteering interest over HTTP with a real SMTP server: it reaches the right club
only, the club's marks show on the resident's page, the reminder after a week, the
general form for the contact person, and what clubs may see."""

import time
from datetime import timedelta

import pytest

from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from clubs.interests import remind_clubs
from clubs.models import ClubPage, VolunteerInterest, VolunteerRole
from core.attention import needs_attention
from core.forms import make_timestamp
from directory.models import Category
from participation.lifecycle import resident_link
from participation.models import State
from tests.mail import press_the_confirmation_button

pytestmark = pytest.mark.django_db

VOLUNTEERING = "/de/vereine/ehrenamt/"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def role(club="sv-lindenkiez"):
    return VolunteerRole.objects.filter(page__slug=club, page__locale__language_code="de").order_by("pk").first()


def interest_data(**overrides):
    data = {
        "name": "Jana Roth",
        "reach": "0176 5550123",
        "availability": "samstags vormittags",
        "message": "Ich habe früher selbst Fußball gespielt.",
        "email": "jana@example.org",
        "consent": "on",
        "website": "",
        "started": make_timestamp(time.time() - 60),
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def test_an_interest_reaches_its_club_only_and_the_marks_show_to_the_resident(
    client, send, smtp_server, club_member, other_club
):
    wanted = role()
    assert send(f"{VOLUNTEERING}{wanted.pk}/mitmachen/", interest_data()).status_code == 302
    item = VolunteerInterest.objects.get()
    assert item.state == State.UNCONFIRMED
    assert len(smtp_server.messages) == 1  # nothing goes to the club before the confirmation
    press_the_confirmation_button(send, smtp_server)
    item.refresh_from_db()
    assert item.state == State.PUBLISHED
    to_club = next(m for m in smtp_server.messages if m.envelope_recipients == ["info@sv-lindenkiez.example"])
    assert to_club["Reply-To"] == "jana@example.org"
    assert "0176 5550123" in to_club.get_content() and wanted.title in to_club["Subject"]
    recipients = {address for m in smtp_server.messages for address in m.envelope_recipients}
    assert recipients == {"info@sv-lindenkiez.example", "jana@example.org"}

    # The club sees it in the admin and marks it; another club sees nothing of it.
    assert "Jana Roth" in club_member.get("/admin/volunteering/").content.decode()
    other = Client()
    other.force_login(other_club["user"])
    assert "Jana Roth" not in other.get("/admin/volunteering/").content.decode()
    refused = other.post(f"/admin/volunteering/{item.pk}/mark/", {"mark": "answered"})
    assert (refused.status_code, refused.get("Location")) in ((403, None), (302, "/admin/"))
    item.refresh_from_db()
    assert item.club_mark == ""
    assert club_member.post(f"/admin/volunteering/{item.pk}/mark/", {"mark": "answered"}).status_code == 302
    item.refresh_from_db()
    assert item.club_mark == "answered"
    page = client.get("/" + resident_link(item.resident).split("/", 3)[3]).content.decode()
    assert "Vom Verein beantwortet" in page


def test_an_unanswered_interest_reminds_the_club_once_after_a_week(send, smtp_server):
    send(f"{VOLUNTEERING}{role().pk}/mitmachen/", interest_data())
    press_the_confirmation_button(send, smtp_server)
    item = VolunteerInterest.objects.get()
    now = timezone.now()
    assert remind_clubs(now + timedelta(days=6)) == 0
    assert not any(entry.kind == "Interesse an einem Ehrenamt" for entry in needs_attention())
    assert remind_clubs(now + timedelta(days=8)) == 1
    assert remind_clubs(now + timedelta(days=9)) == 0
    item.refresh_from_db()
    assert item.club_reminded_at is not None


def test_the_contact_person_sees_unanswered_interests(send, smtp_server):
    send(f"{VOLUNTEERING}{role().pk}/mitmachen/", interest_data())
    press_the_confirmation_button(send, smtp_server)
    VolunteerInterest.objects.update(published_at=timezone.now() - timedelta(days=8))
    items = [entry for entry in needs_attention() if "Jana" in entry.title or role().title in entry.title]
    assert items and items[0].owner_emails


def test_the_general_form_reaches_the_contact_person(send, smtp_server):
    topic = Category.objects.filter(locale__language_code="de").order_by("sort_order").first().name
    data = interest_data(reach="über E-Mail", topics=[topic], languages="Deutsch, Polnisch")
    response = send(f"{VOLUNTEERING}mitmachen/", data)
    assert response.status_code == 302
    press_the_confirmation_button(send, smtp_server)
    to_office = next(m for m in smtp_server.messages if m.envelope_recipients == ["quartiersbuero@example.org"])
    assert "Polnisch" in to_office.get_content() and topic in to_office.get_content()
    assert to_office["Reply-To"] == "jana@example.org"


def test_an_expired_role_leaves_the_lists_and_takes_no_interest(client, send):
    expired = role()
    expired.valid_until = timezone.localdate() - timedelta(days=1)
    expired.save()
    assert f"/{expired.pk}/mitmachen/" not in client.get(VOLUNTEERING).content.decode()
    assert expired.title not in client.get("/de/vereine/sv-lindenkiez/").content.decode()
    assert client.get(f"{VOLUNTEERING}{expired.pk}/mitmachen/").status_code == 404
    assert send(f"{VOLUNTEERING}{expired.pk}/mitmachen/", interest_data()).status_code == 404
    assert not VolunteerInterest.objects.exists()
    reminders = [entry for entry in needs_attention() if expired.title in entry.title]
    assert reminders and reminders[0].owner_emails == ("verein@lindenkiez.example",)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": ""}, "name"),
        ({"reach": ""}, "reach"),
        ({"email": "jana"}, "email"),
        ({"message": "x" * 2001}, "message"),
    ],
)
def test_bad_interests_are_refused(client, overrides, field):
    response = client.post(f"{VOLUNTEERING}{role().pk}/mitmachen/", interest_data(**overrides))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not VolunteerInterest.objects.exists()


def test_a_role_that_does_not_exist(client):
    assert client.get(f"{VOLUNTEERING}999999/mitmachen/").status_code == 404
    assert ClubPage.objects.exists()
