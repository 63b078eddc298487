"""Event proposals over HTTP with a real SMTP server: nothing on the calendar before
approval; approval makes an event with the right time and repetition; returned,
changed and approved; trusted organisers publish at once; the clash warning; bad input."""

import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from clubs.demo import DEMO_CLUB_EMAIL
from core.forms import make_timestamp
from news.models import EventPage, EventProposal
from participation.lifecycle import resident_link
from participation.models import Resident, State
from tests.mail import press_the_confirmation_button

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
CALENDAR = "/de/veranstaltungen/"
PROPOSE = CALENDAR + "melden/"


def mine():
    """The proposals of this test's proposer (the demo has one waiting for review)."""
    return EventProposal.objects.filter(resident__email="hof@example.org")


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def next_weekday(weekday, weeks_ahead=2):
    today = timezone.localdate()
    return today + timedelta(days=(weekday - today.weekday()) % 7 + 7 * weeks_ahead)


def proposal_data(**overrides):
    day = next_weekday(4)  # a Friday in two weeks or so
    data = {
        "title": "Hoffest in der Lindenstraße 12",
        "date": day.isoformat(),
        "start_time": "16:30",
        "end_time": "20:00",
        "repeat": "",
        "repeat_until": "",
        "place_name": "Hof Lindenstraße 12",
        "address": "Lindenstraße 12, 10999 Berlin",
        "organiser_name": "Hausgemeinschaft Lindenstraße 12",
        "organiser_contact": "hof@example.org",
        "cost": "",
        "registration_info": "",
        "accessibility": "Ebenerdig über die Hofeinfahrt.",
        "description": "Wir grillen, die Kinder spielen, alle aus dem Kiez sind eingeladen.",
        "email": "hof@example.org",
        "consent": "on",
        "website": "",
        "started": make_timestamp(time.time() - 60),
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def test_a_proposal_reaches_the_calendar_only_when_approved(client, send, editor_client, smtp_server):
    # Early tomorrow: among the next dates the home page shows.
    tomorrow = timezone.localdate() + timedelta(days=1)
    data = proposal_data(date=tomorrow.isoformat(), start_time="06:30", end_time="07:30")
    assert send(PROPOSE, data).status_code == 302
    press_the_confirmation_button(send, smtp_server)
    proposal = mine().get()
    assert proposal.state == State.IN_REVIEW
    for address in (CALENDAR, CALENDAR + "ical/", "/de/"):
        assert "Hoffest" not in client.get(address).content.decode(), address

    response = send(f"/admin/contributions/{proposal.pk}/approve/", {}, browser=editor_client)
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == State.PUBLISHED
    event = proposal.event_page.specific
    assert event.live and event.get_parent().specific.url == CALENDAR
    assert event.organiser_name == "Hausgemeinschaft Lindenstraße 12"
    # 06:30 in Berlin, stored as the right instant whatever the season.
    start = datetime.combine(tomorrow, datetime.min.time()).replace(hour=6, minute=30, tzinfo=BERLIN)
    assert event.start == start and event.end == start.replace(hour=7, minute=30)
    assert "Hoffest" in client.get(CALENDAR).content.decode()
    assert "Hoffest" in client.get("/de/").content.decode()
    assert "Hoffest in der Lindenstraße 12" in client.get(CALENDAR + "ical/").content.decode()
    published = smtp_server.messages[-1]
    assert published["Subject"] == "Im Kalender: Hoffest in der Lindenstraße 12"
    assert event.url in published.get_content()
    # The proposer's page links the event.
    page = client.get("/" + resident_link(proposal.resident).split("/", 3)[3]).content.decode()
    assert event.url in page


def test_a_weekly_proposal_becomes_a_repeating_event(send, editor_client, smtp_server):
    first = next_weekday(1)
    send(
        PROPOSE,
        proposal_data(
            title="Strickrunde",
            date=first.isoformat(),
            start_time="10:00",
            end_time="",
            repeat="weekly",
            repeat_until=(first + timedelta(weeks=8)).isoformat(),
        ),
    )
    press_the_confirmation_button(send, smtp_server)
    proposal = mine().get()
    send(f"/admin/contributions/{proposal.pk}/approve/", {}, browser=editor_client)
    event = mine().get().event_page.specific
    assert event.repeat == "weekly" and event.repeat_until == first + timedelta(weeks=8)
    occurrences = event.occurrences(event.start, event.start + timedelta(weeks=20))
    dates = [occurrence.start.date() for occurrence in occurrences]
    assert len(dates) == 9 and dates[1] - dates[0] == timedelta(weeks=1)


def test_a_returned_proposal_is_changed_and_approved(client, send, editor_client, smtp_server):
    send(PROPOSE, proposal_data())
    press_the_confirmation_button(send, smtp_server)
    proposal = mine().get()
    send(f"/admin/contributions/{proposal.pk}/return/", {"reason": "Bitte den Ort genauer."}, browser=editor_client)
    assert "Bitte den Ort genauer." in smtp_server.messages[-1].get_content()
    token = resident_link(proposal.resident).rstrip("/").rsplit("/", 1)[1]
    edit = f"{CALENDAR}melden/{proposal.pk}/aendern/?von={token}"
    assert client.get(edit).status_code == 200
    response = send(edit, proposal_data(place_name="Hinterhof Lindenstraße 12", email=None, consent=None))
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == State.IN_REVIEW and proposal.place_name == "Hinterhof Lindenstraße 12"
    send(f"/admin/contributions/{proposal.pk}/approve/", {}, browser=editor_client)
    proposal.refresh_from_db()
    assert proposal.event_page.specific.place_name == "Hinterhof Lindenstraße 12"

    # A change to the published event is reviewed before the page changes.
    send(edit, proposal_data(title="Großes Hoffest", email=None, consent=None))
    proposal.refresh_from_db()
    assert proposal.state == State.IN_REVIEW
    assert EventPage.objects.get(pk=proposal.event_page_id).title == "Hoffest in der Lindenstraße 12"
    send(f"/admin/contributions/{proposal.pk}/approve/", {}, browser=editor_client)
    assert EventPage.objects.get(pk=proposal.event_page_id).title == "Großes Hoffest"
    assert EventPage.objects.filter(title__contains="Hoffest").count() == 1


def test_trusted_organisers_publish_at_once(send, smtp_server):
    Resident.objects.create(email="hof@example.org", trusted=True)
    send(PROPOSE, proposal_data())
    press_the_confirmation_button(send, smtp_server)
    proposal = mine().get()
    assert proposal.state == State.PUBLISHED
    assert proposal.event_page.live


def test_a_clash_is_shown_before_sending_and_can_be_overridden(client, send):
    # The demo's neighbourhood café meets every Tuesday at 15:00, but not on its holidays.
    cafe = EventPage.objects.get(slug="nachbarschaftscafe", locale__language_code="de")
    holidays = set(cafe.exceptions.values_list("date", flat=True))
    tuesday = next(day for day in (next_weekday(1, weeks) for weeks in range(2, 8)) if day not in holidays)
    data = proposal_data(date=tuesday.isoformat(), start_time="15:30", place_name="Nachbarschaftshaus Lindenkiez")
    response = send(PROPOSE, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nachbarschaftscafé" in html and "Am selben Ort zur selben Zeit" in html
    assert not mine().exists()
    assert '<input type="hidden" name="despite_clashes" value="on"' in html
    response = send(PROPOSE, {**data, "despite_clashes": "on"})
    assert response.status_code == 302
    assert mine().count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"date": (timezone.localdate() - timedelta(days=1)).isoformat()}, "date", "in der Vergangenheit"),
        ({"end_time": "15:00"}, "end_time", "Das Ende liegt vor dem Beginn"),
        ({"start_time": ""}, "start_time", "Bitte geben Sie die Anfangszeit an"),
        ({"repeat": "weekly", "repeat_until": ""}, "repeat_until", "den letzten Tag"),
        ({"repeat": "weekly", "repeat_until": "2020-01-01"}, "repeat_until", "nach dem ersten Termin"),
        ({"repeat": "weekly", "repeat_until": "2099-01-01"}, "repeat_until", "höchstens ein Jahr"),
        ({"repeat": "daily"}, "repeat", "eine der gezeigten Wiederholungen"),
        ({"date": "31.02.2027"}, "date", "Bitte geben Sie das Datum"),
        ({"title": ""}, "title", "Bitte füllen Sie dieses Feld aus"),
        ({"description": "x" * 3001}, "description", "höchstens 3000 Zeichen"),
        ({"email": "hof@"}, "email", "nicht gültig"),
    ],
)
def test_bad_proposals_are_refused_with_a_message(client, overrides, field, message):
    response = client.post(PROPOSE, proposal_data(**overrides))
    assert response.status_code == 400
    assert message in str(response.context["form"].errors[field])
    assert not mine().exists()


def test_too_many_proposals_from_one_address(send, settings):
    settings.PARTICIPATION_RATE_LIMIT_PER_ADDRESS = 1
    assert send(PROPOSE, proposal_data()).status_code == 302
    assert send(PROPOSE, proposal_data(title="Noch ein Fest")).status_code == 429
    assert mine().count() == 1


def test_a_club_account_cannot_see_proposals(send, smtp_server):
    send(PROPOSE, proposal_data())
    press_the_confirmation_button(send, smtp_server)
    proposal = mine().get()
    club = Client()
    club.force_login(get_user_model().objects.get(email=DEMO_CLUB_EMAIL))
    for response in (club.get("/admin/contributions/"), club.get(f"/admin/contributions/{proposal.pk}/")):
        assert (response.status_code, response.get("Location")) in ((403, None), (302, "/admin/"))


def test_the_queue_shows_one_kind_on_request(editor_client):
    proposals = editor_client.get("/admin/contributions/?kind=event").content.decode()
    assert "Vorlesenachmittag in der Kita Sonnenschein" in proposals
    assert "Brettspiele für Familien" not in proposals  # the swap board's post waiting for review
    every = editor_client.get("/admin/contributions/").content.decode()
    assert "Vorlesenachmittag" in every and "Brettspiele für Familien" in every
