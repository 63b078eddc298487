"""A room request over HTTP with mails through a real SMTP server: confirmation, the
house's decision on a series (a holiday and a clash left out, one mail), a refusal with
its reason, the public and private view of bookings, the house rules version kept."""

from datetime import datetime, time, timedelta

import pytest
from icalendar import Calendar

from django.utils import timezone

from news.models import EventPage
from participation.models import State
from rooms import booking
from rooms.models import Booking, GroupTime, House, RoomRequest

from .helpers import REQUEST_URL, ROOM_URL, free_day, links, lone_holiday, path_of, request_data, room

pytestmark = pytest.mark.django_db


def confirm(client, send, smtp_server):
    (mail,) = [m for m in smtp_server.messages if "/bestaetigen/" in m.get_content()]
    link = path_of(next(link for link in links(mail) if "/bestaetigen/" in link))
    assert client.get(link).status_code == 200  # a link opened confirms nothing
    return send(link, {})


def test_a_request_holds_its_time_until_confirmed_and_decided(client, send, smtp_server):
    response = send(REQUEST_URL, request_data())
    assert response.status_code == 302, response.content.decode()[:2000]
    item = RoomRequest.objects.get(title="Strickgruppe")
    assert item.state == State.UNCONFIRMED
    # The time is held at once: nobody else can ask for it meanwhile.
    assert [(b.starts_at, b.confirmed) for b in item.bookings.all()] == [(item.starts_at, False)]
    week = client.get(ROOM_URL + f"?woche={free_day().isoformat()}").content.decode()
    assert "Angefragt" in week and "Strickgruppe" not in week

    confirm(client, send, smtp_server)
    item.refresh_from_db()
    # Every request waits for the house, also from a known address.
    assert item.state == State.IN_REVIEW
    assert item.review_reason == "the house decides on every request"
    assert smtp_server.messages[-1]["Subject"].startswith("Ihre Raumanfrage liegt beim Haus")


def test_the_house_rules_version_is_kept_with_each_request(client, send, smtp_server):
    house = House.objects.get(slug="nachbarschaftshaus-linde", locale__language_code="de")
    first = house.current_rules()
    assert send(REQUEST_URL, request_data()).status_code == 302
    house.rules += "<p>Neu: Bitte Hausschuhe mitbringen.</p>"
    house.save()
    second = house.current_rules()
    assert second.number == first.number + 1
    later = free_day(weeks_ahead=5).isoformat()
    assert (
        send(
            REQUEST_URL, request_data(day=later, email="hans@example.org", started=request_data()["started"])
        ).status_code
        == 302
    )
    old, new = RoomRequest.objects.filter(title="Strickgruppe").order_by("pk")
    assert (old.rules_version, new.rules_version) == (first, second)
    assert old.rules_accepted_at and old.fee_accepted == "kostenlos"
    # The rules a request accepted stay readable, word for word, after the change.
    assert "Hausschuhe" not in old.rules_version.text and "Hausschuhe" in new.rules_version.text


def test_a_series_with_a_holiday_and_a_clash_is_approved_in_one_decision_and_one_mail(
    client, send, smtp_server, admin_client
):
    target = room()
    holiday_day = lone_holiday()
    first = holiday_day - timedelta(weeks=2)
    until = holiday_day + timedelta(weeks=2)
    clash_day = holiday_day + timedelta(weeks=1)
    GroupTime.objects.create(
        room=target, group="Skatrunde", first_day=clash_day, last_day=clash_day, starts=time(13), ends=time(15)
    )
    booking.place_group_time(GroupTime.objects.get(group="Skatrunde"))

    data = request_data(day=first.isoformat(), repeat="weekly", repeat_until=until.isoformat())
    shown = send(REQUEST_URL, data)
    # The clash is shown first; sending again asks for the other dates.
    assert shown.status_code == 200 and "schon gebucht" in shown.content.decode()
    data["despite_clashes"] = "on"
    assert send(REQUEST_URL, data).status_code == 302
    item = RoomRequest.objects.get(title="Strickgruppe")
    held = sorted(timezone.localtime(b.starts_at).date() for b in item.bookings.all())
    assert holiday_day not in held and clash_day not in held
    assert {entry["why"] for entry in item.skipped} == {"holiday", "taken"}
    assert len(held) == 3  # five Wednesdays, less the holiday and the clash

    confirm(client, send, smtp_server)
    before = len(smtp_server.messages)
    decision = admin_client.get(f"/admin/rooms/requests/{item.pk}/")
    assert decision.status_code == 200
    keep = [str(b.pk) for b in item.bookings.order_by("starts_at")][1:]  # leave out the first, too
    response = send(f"/admin/rooms/requests/{item.pk}/", {"decision": "approve", "keep": keep}, browser=admin_client)
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.state == State.PUBLISHED
    assert item.bookings.count() == 2 and all(b.confirmed for b in item.bookings.all())
    assert {entry["why"] for entry in item.skipped} == {"holiday", "taken", "left_out"}
    (mail,) = smtp_server.messages[before:]
    text = mail.get_content()
    assert mail["Subject"].startswith("Raum gebucht")
    assert "Feiertag" in text and "bereits gebucht" in text
    # A request decided twice (a second approver, a replayed form) changes nothing.
    again = send(f"/admin/rooms/requests/{item.pk}/", {"decision": "approve", "keep": keep}, browser=admin_client)
    assert again.status_code == 302 and len(smtp_server.messages) == before + 1


def test_a_declined_request_mails_its_reason_and_frees_the_time(client, send, smtp_server, admin_client):
    assert send(REQUEST_URL, request_data()).status_code == 302
    confirm(client, send, smtp_server)
    item = RoomRequest.objects.get(title="Strickgruppe")
    url = f"/admin/rooms/requests/{item.pk}/"
    # No reason, no refusal.
    assert send(url, {"decision": "decline", "reason": " "}, browser=admin_client).status_code == 400
    assert (
        send(url, {"decision": "decline", "reason": "Der Raum wird renoviert."}, browser=admin_client).status_code
        == 302
    )
    item.refresh_from_db()
    assert item.state == State.REJECTED and not item.bookings.exists()
    mail = smtp_server.messages[-1]
    assert mail["Subject"].startswith("Raumanfrage abgelehnt") and "Der Raum wird renoviert." in mail.get_content()


def test_public_bookings_go_to_the_calendar_private_ones_show_as_booked(client, send, smtp_server, admin_client):
    day = free_day()
    assert send(REQUEST_URL, request_data(title="Offener Spieleabend", public="on")).status_code == 302
    assert send(
        REQUEST_URL,
        request_data(title="Geheime Sitzung", email="k@example.org", start_time="17:00", end_time="19:00",
                     started=request_data()["started"]),
    ).status_code == 302  # fmt: skip
    for item in RoomRequest.objects.filter(title__in=["Offener Spieleabend", "Geheime Sitzung"]):
        item.state = State.IN_REVIEW
        item.save()
        keep = [str(b.pk) for b in item.bookings.all()]
        send(f"/admin/rooms/requests/{item.pk}/", {"decision": "approve", "keep": keep}, browser=admin_client)
    week = client.get(ROOM_URL + f"?woche={day.isoformat()}").content.decode()
    assert "Offener Spieleabend" in week and "Geheime Sitzung" not in week and "Gebucht" in week
    event = EventPage.objects.live().get(title="Offener Spieleabend")
    assert "Nachbarschaftshaus Linde" in event.place_name
    # The calendar's own feed lists every event it shows.
    calendar = client.get("/de/veranstaltungen/ical/").content.decode()
    assert "Offener Spieleabend" in calendar and "Geheime Sitzung" not in calendar
    assert "Offener Spieleabend" in client.get(event.url).content.decode()
    assert not EventPage.objects.filter(title="Geheime Sitzung").exists()


def test_the_week_view_and_the_ical_feed_agree_with_the_bookings(client):
    target = room()
    monday = booking.week_start(free_day())
    bookings = Booking.objects.filter(
        room=target,
        starts_at__gte=booking.local(monday, time(0)),
        starts_at__lt=booking.local(monday + timedelta(days=7), time(0)),
    )
    assert bookings.exists(), "the demo's Deutsch-Café meets every Tuesday"
    feed = Calendar.from_ical(client.get(ROOM_URL + "kalender/").content)
    events = {
        (event.decoded("dtstart"), event.decoded("dtend"), str(event["summary"])) for event in feed.walk("VEVENT")
    }
    for item in Booking.objects.filter(
        room=target, starts_at__gte=timezone.now(), starts_at__lt=timezone.now() + timedelta(days=300)
    ):
        assert (item.starts_at, item.ends_at, item.public_title or "Gebucht") in events
    assert (
        len(events)
        == Booking.objects.filter(
            room=target,
            ends_at__gt=timezone.now() - timedelta(days=30),
            starts_at__lt=timezone.now() + timedelta(days=400),
        ).count()
    )
    week = client.get(ROOM_URL + f"?woche={monday.isoformat()}").content.decode()
    for item in bookings:
        start = timezone.localtime(item.starts_at)
        assert (
            f"{start:%H:%M}–{timezone.localtime(item.ends_at):%H:%M}</span> <strong>{item.public_title or 'Gebucht'}"
            in week
        )


def test_a_group_feed_lists_its_own_dates_only(client):
    group_time = GroupTime.objects.get(group="Deutsch-Café")
    feed = Calendar.from_ical(client.get(f"/de/raeume/termine/{group_time.feed_key}/").content)
    starts = sorted(event.decoded("dtstart") for event in feed.walk("VEVENT"))
    assert starts and starts == sorted(
        b.starts_at for b in group_time.bookings.filter(ends_at__gt=timezone.now() - timedelta(days=30))
    )
    assert client.get("/de/raeume/termine/guessed-key/").status_code == 404


def test_group_times_leave_out_holidays_and_closure_days():
    target = room()
    holiday_day = lone_holiday()
    closed = holiday_day + timedelta(weeks=1)
    house = target.house
    house.closures.create(first_day=closed, last_day=closed, reason="Renovierung")
    group_time = GroupTime.objects.create(
        room=target,
        group="Yoga",
        first_day=holiday_day - timedelta(weeks=1),
        last_day=holiday_day + timedelta(weeks=2),
        starts=time(20),
        ends=time(21),
    )
    skipped = booking.place_group_time(group_time)
    assert {(entry["date"], entry["why"]) for entry in skipped} >= {
        (holiday_day.isoformat(), "holiday"),
        (closed.isoformat(), "closed"),
    }
    booked = {timezone.localtime(b.starts_at).date() for b in group_time.bookings.all()}
    assert holiday_day not in booked and closed not in booked
    assert all(timezone.localtime(b.starts_at).time() == time(20) for b in group_time.bookings.all())


def test_unconfirmed_requests_give_their_time_back(send):
    from rooms.tasks import release_unconfirmed

    assert send(REQUEST_URL, request_data()).status_code == 302
    assert release_unconfirmed() == 0
    later = timezone.now() + timedelta(hours=25)
    assert release_unconfirmed(now=later) > 0
    assert not RoomRequest.objects.filter(title="Strickgruppe").exists()
    assert not Booking.objects.filter(request__title="Strickgruppe").exists()


def test_the_requester_withdraws_and_the_time_is_free_again(client, send, smtp_server):
    assert send(REQUEST_URL, request_data()).status_code == 302
    confirm(client, send, smtp_server)
    item = RoomRequest.objects.get(title="Strickgruppe")
    page = [link for link in links(smtp_server.messages[-1]) if "/mein-quartier/" in link][0]
    own = client.get(path_of(page)).content.decode()
    assert "Strickgruppe" in own and "Entscheidung des Hauses" in own
    assert send(path_of(page) + f"{item.pk}/withdraw/", {}).status_code == 302
    item.refresh_from_db()
    assert item.state == State.WITHDRAWN and not item.bookings.exists()


def test_times_are_planned_in_wall_clock_time_over_the_change_to_winter_time():
    house = room().house
    # A weekly 19:00 meeting is at 19:00 before and after the last Sunday of October.
    year = timezone.localdate().year + 1
    first = datetime(year, 10, 1).date()
    series = booking.plan(house, booking.local(first, time(19)), booking.local(first, time(20)), "weekly",
                          datetime(year, 11, 30).date())  # fmt: skip
    assert {timezone.localtime(start).time() for start, _end in series.dates} == {time(19)}
