"""Bad input to the request form: a clear message in German and a 4xx, never a 500, and
nothing stored on refusal."""

from datetime import timedelta

import pytest

from django.test import override_settings
from django.utils import timezone

from core.models import OutgoingMail
from rooms.models import Booking, RoomRequest
from tests.database import stored_state

from .helpers import REQUEST_URL, ROOM_URL, free_day, links, path_of, request_data

pytestmark = pytest.mark.django_db


def day(weeks=3, weekday=2):
    return free_day(weekday=weekday, weeks_ahead=weeks).isoformat()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"start_time": "16:00", "end_time": "14:00"}, "end_time", "Das Ende muss nach dem Beginn liegen"),
        ({"day": (timezone.localdate() - timedelta(days=2)).isoformat()}, "day", "Diese Zeit ist vorbei"),
        ({"start_time": "06:00", "end_time": "09:00"}, "start_time", "von 08:00 bis 22:00 genutzt"),
        ({"start_time": "20:00", "end_time": "23:30"}, "end_time", "von 08:00 bis 22:00 genutzt"),
        ({"start_time": "08:00", "end_time": "21:00"}, "end_time", "höchstens 8 Stunden am Stück"),
        ({"repeat": "weekly"}, "repeat_until", "letzten Termin der Reihe"),
        ({"repeat": "weekly", "repeat_until": "later"}, "repeat_until", "als TT.MM.JJJJ"),
        ({"repeat": "monthly"}, "repeat", "einmal oder regelmäßig"),
        ({"people": "17"}, "people", "höchstens 16 Personen"),
        ({"people": "-3"}, "people", "mindestens eine Person"),
        ({"people": "viele"}, "people", "als Zahl"),
        ({"start_time": "25:99"}, "start_time", "Stunden:Minuten"),
        ({"day": "31.02.2027"}, "day", "als TT.MM.JJJJ"),
        ({"day": "9999-12-30", "repeat": "weekly", "repeat_until": "9999-12-31"}, "day", "bis zu einem Jahr im Voraus"),
        ({"accept_rules": ""}, "accept_rules", "Hausordnung"),
        ({"accept_fee": ""}, "accept_fee", "Entgelt"),
        ({"requester_kind": "club", "organiser": ""}, "organiser", "Namen des Vereins"),
        ({"email": "grete@"}, "email", "nicht gültig"),
        ({"email": "a@example.org\nBcc: b@example.org"}, "email", "nicht gültig"),
        ({"phone": "call me maybe"}, "phone", "nur mit Ziffern"),
        ({"title": "x" * 121}, "title", "höchstens 120 Zeichen"),
        ({"purpose": "\x00\x01"}, "purpose", "Nullzeichen sind nicht erlaubt"),
    ],
)
def test_bad_requests_are_refused_with_a_message_and_nothing_stored(client, overrides, field, message):
    before = stored_state()
    response = client.post(REQUEST_URL, request_data(**overrides))
    assert response.status_code == 400
    assert message in str(response.context["form"].errors[field])
    assert message in response.content.decode()
    assert stored_state() == before


def test_a_series_over_a_year_is_refused(client):
    first = free_day()
    data = request_data(repeat="weekly", day=first.isoformat(), repeat_until=(first + timedelta(days=400)).isoformat())
    response = client.post(REQUEST_URL, data)
    assert response.status_code == 400 and "höchstens ein Jahr" in response.content.decode()


def test_a_closed_day_is_refused_with_the_reason(client):
    sunday = free_day(weekday=6)
    response = client.post(REQUEST_URL, request_data(day=sunday.isoformat()))
    assert response.status_code == 400 and "Sonntag" in response.content.decode()


def test_a_taken_time_is_refused_with_the_next_free_slots(client, send):
    assert send(REQUEST_URL, request_data()).status_code == 302
    before = stored_state()
    response = send(REQUEST_URL, request_data(email="other@example.org", started=request_data()["started"]))
    assert response.status_code == 409
    html = response.content.decode()
    assert "schon gebucht" in html and "Zu diesen Zeiten ist der Raum frei" in html
    # The first suggestion is right after the time that is taken.
    assert "16:00–18:00" in html
    assert stored_state() == before


def test_missing_rooms_houses_and_odd_addresses_are_404_or_ignored(client):
    assert client.get("/de/raeume/nachbarschaftshaus-linde/besenkammer/").status_code == 404
    assert client.get("/de/raeume/nirgendwo/saal/anfragen/").status_code == 404
    assert client.post("/de/raeume/nirgendwo/saal/anfragen/", request_data()).status_code == 404
    for query in (
        "woche=gestern",
        "woche=9999-99-99",
        "woche=9999-12-31",
        "woche=0001-01-01",
        "woche=" + "9" * 5000,
        "woche=%00",
    ):
        assert client.get(ROOM_URL + "?" + query).status_code == 200
        assert client.get(ROOM_URL + "aushang/?" + query).status_code == 200
    for query in ("monat=13-2026", "monat=x", "monat=2026-00", "monat=99999-1", "monat=9999-12", "monat=0001-01"):
        assert client.get(ROOM_URL + "monat/?" + query).status_code == 200
    assert client.put(REQUEST_URL).status_code == 405


def test_a_replayed_confirmation_changes_nothing(client, send, smtp_server):
    from .test_requests import confirm

    assert send(REQUEST_URL, request_data()).status_code == 302
    (mail,) = smtp_server.messages
    link = path_of(next(link for link in links(mail) if "/bestaetigen/" in link))
    assert confirm(client, send, smtp_server).status_code == 302
    item = RoomRequest.objects.get(title="Strickgruppe")
    mails = OutgoingMail.objects.count()
    again = send(link, {})
    assert again.status_code == 410
    item.refresh_from_db()
    assert item.state == "in_review" and OutgoingMail.objects.count() == mails
    forged = client.post("/de/bestaetigen/forged-token/")
    assert forged.status_code in (400, 404, 410)


@override_settings(PARTICIPATION_RATE_LIMIT_PER_ADDRESS=2)
def test_too_many_requests_from_one_address_get_429_and_store_nothing(client, send):
    for week in (3, 4):
        data = request_data(day=day(weeks=week), started=request_data()["started"])
        assert send(REQUEST_URL, data).status_code == 302
    before = Booking.objects.count(), RoomRequest.objects.count()
    response = send(REQUEST_URL, request_data(day=day(weeks=5), started=request_data()["started"]))
    assert response.status_code == 429
    assert (Booking.objects.count(), RoomRequest.objects.count()) == before
