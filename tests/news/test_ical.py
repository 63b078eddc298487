"""iCalendar downloads and subscriptions, read back with the icalendar library."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from django.utils import timezone

from news.models import EventException, EventPage
from news.recurrence import Repeat
from tests.news.factories import EventIndexPageFactory, EventPageFactory, berlin


def first_weekday(year, month, weekday):
    day = date(year, month, 1)
    return day + timedelta(days=(weekday - day.weekday()) % 7)


@pytest.fixture
def summer_and_winter_tuesdays():
    """A Tuesday in July and one in January of next year: always ahead, whatever today is."""
    year = timezone.localdate().year + 1
    return first_weekday(year, 7, 1), first_weekday(year, 1, 1)


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def vevents(calendar):
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


@pytest.mark.django_db
def test_evening_event_at_19_berlin_in_summer_and_in_winter(client, calendar, summer_and_winter_tuesdays):
    summer, winter = summer_and_winter_tuesdays
    for title, day, utc_hour in [("Sommerabend", summer, 17), ("Winterabend", winter, 18)]:
        event = EventPageFactory(parent=calendar, title=title, start=berlin(day, 19), end=berlin(day, 21))
        parsed = parse(client.get(event.ical_url()))
        (vevent,) = parsed.walk("VEVENT")
        start = vevent.decoded("DTSTART")
        assert vevent["DTSTART"].params["TZID"] == "Europe/Berlin"
        assert (start.date(), start.time()) == (day, time(19, 0))
        assert start.astimezone(UTC) == datetime.combine(day, time(utc_hour, 0), tzinfo=UTC)
        assert vevent.decoded("DTEND").astimezone(UTC).hour == utc_hour + 2
        assert "TZID:Europe/Berlin" in response_text(client, event)
        (vtimezone,) = parsed.walk("VTIMEZONE")
        assert str(vtimezone["TZID"]) == "Europe/Berlin"


def response_text(client, event):
    return client.get(event.ical_url()).content.decode()


@pytest.mark.django_db
def test_uid_stays_the_same_when_the_event_is_edited(client, calendar):
    event = EventPageFactory(parent=calendar, title="Kiezrat")
    uid = vevents(parse(client.get(event.ical_url())))["Kiezrat"]["UID"]
    assert str(uid) == f"{event.translation_key}@testserver"

    event.title = "Kiezrat (neuer Ort)"
    event.start += timedelta(days=7)
    event.end += timedelta(days=7)
    event.place_name = "Gemeindesaal"
    event.save_revision().publish()
    other_calendar = EventIndexPageFactory(parent=calendar.get_parent())
    event.move(other_calendar, pos="last-child")
    event = EventPage.objects.get(pk=event.pk)

    edited = vevents(parse(client.get(event.ical_url())))["Kiezrat (neuer Ort)"]
    assert edited["UID"] == uid
    # The whole calendar uses the same UID for it as the single download.
    assert vevents(parse(client.get(calendar.ical_url())))["Kiezrat (neuer Ort)"]["UID"] == uid


@pytest.mark.django_db
def test_repeating_event_exports_rrule_and_exdate_that_give_the_same_dates(client, calendar):
    first = first_weekday(timezone.localdate().year + 1, 1, 1)
    event = EventPageFactory(
        parent=calendar,
        title="Spieleabend",
        start=berlin(first, 19),
        end=berlin(first, 21),
        repeat=Repeat.MONTHLY_WEEKDAY,
        repeat_until=first + timedelta(days=300),
        exceptions=[EventException(date=first_weekday(first.year, 4, 1), reason="Ostern")],
    )
    vevent = vevents(parse(client.get(event.ical_url())))["Spieleabend"]
    rrule = vevent["RRULE"]
    assert rrule["FREQ"] == ["MONTHLY"]
    assert rrule["BYDAY"] == ["+1TU"]
    exdates = [value.dt for value in vevent["EXDATE"].dts]
    assert exdates == [berlin(first_weekday(first.year, 4, 1), 19)]

    # A phone expanding the file gets exactly the dates the website lists.
    start = vevent.decoded("DTSTART")
    phone = [day for day in rrulestr(rrule.to_ical().decode(), dtstart=start) if day not in exdates]
    window_start, window_end = berlin(first, 0), berlin(first + timedelta(days=400), 0)
    website = [occurrence.start for occurrence in event.occurrences(window_start, window_end)]
    assert phone == website
    assert len(website) == 9  # ten first Tuesdays until the end date, one cancelled
    assert all(day.time() == time(19, 0) for day in website)


@pytest.mark.django_db
def test_weekly_event_with_a_count(client, calendar):
    start = berlin(timezone.localdate() + timedelta(days=3), 10)
    event = EventPageFactory(parent=calendar, title="Yoga", start=start, repeat=Repeat.WEEKLY, repeat_count=6)
    rrule = vevents(parse(client.get(event.ical_url())))["Yoga"]["RRULE"]
    assert rrule["COUNT"] == [6]
    assert "UNTIL" not in rrule


@pytest.mark.django_db
def test_all_day_event_over_three_days_uses_dates(client, calendar):
    friday = first_weekday(timezone.localdate().year + 1, 6, 4)
    event = EventPageFactory(
        parent=calendar,
        title="Kiezfest",
        start=berlin(friday, 14),
        end=berlin(friday + timedelta(days=2), 9),
        all_day=True,
    )
    vevent = vevents(parse(client.get(event.ical_url())))["Kiezfest"]
    assert vevent.decoded("DTSTART") == friday
    # DTEND of an all-day event is exclusive: the day after the last one.
    assert vevent.decoded("DTEND") == friday + timedelta(days=3)
    assert "VALUE=DATE" in client.get(event.ical_url()).content.decode()
    # Without tags there is no CATEGORIES line at all, not an empty one.
    assert "CATEGORIES" not in response_text(client, event)


@pytest.mark.django_db
def test_entry_links_back_and_describes_the_event(client, calendar):
    event = EventPageFactory(
        parent=calendar,
        title="Lesecafé",
        place_name="Bibliothek",
        address="Parkstraße 8\n10999 Berlin",
        organiser_name="Leseclub",
        is_free=False,
        price="4.50",
        registration_required=True,
        registration_info="Telefon 030 23125 400",
        tags=["Kultur"],
    )
    response = client.get(event.ical_url())
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    vevent = vevents(parse(response))["Lesecafé"]
    assert str(vevent["URL"]) == f"http://testserver{event.url}"
    assert str(vevent["LOCATION"]) == "Bibliothek, Parkstraße 8, 10999 Berlin"
    description = str(vevent["DESCRIPTION"])
    assert "Leseclub" in description and "4,50" in description and "030 23125 400" in description
    assert f"http://testserver{event.url}" in description
    assert [str(category) for category in vevent["CATEGORIES"].cats] == ["Kultur"]


@pytest.mark.django_db
def test_calendar_feed_holds_the_live_events_with_refresh_hints(client, calendar):
    EventPageFactory(parent=calendar, title="Entwurf", live=False)
    long_ago = timezone.localdate() - timedelta(days=200)
    EventPageFactory(parent=calendar, title="Lange vorbei", start=berlin(long_ago, 10))
    response = client.get(calendar.ical_url())
    assert response["Content-Disposition"].startswith("inline")
    parsed = parse(response)
    titles = set(vevents(parsed))
    assert {"Nachbarschaftscafé", "Repair-Café", "Kiezfest Lindenkiez", "Flohmarkt auf dem Lindenplatz"} <= titles
    assert "Entwurf" not in titles
    assert "Lange vorbei" not in titles
    assert str(parsed["X-WR-CALNAME"]) == "Lindenkiez: Veranstaltungen"
    assert parsed["REFRESH-INTERVAL"].dt == timedelta(hours=6)
    uids = [str(event["UID"]) for event in parsed.walk("VEVENT")]
    assert len(uids) == len(set(uids))


@pytest.mark.django_db
def test_topic_feed_holds_only_that_topic(client, calendar):
    response = client.get(calendar.ical_url(), {"tag": "senioren"})
    titles = set(vevents(parse(response)))
    assert titles == {"Nachbarschaftscafé", "Seniorentreff", "Smartphone-Sprechstunde"}
    assert "Senioren" in str(Calendar.from_ical(response.content)["X-WR-CALNAME"])


@pytest.mark.django_db
def test_unknown_topic_feed_is_not_found(client, calendar):
    assert client.get(calendar.ical_url(), {"tag": "gibt-es-nicht"}).status_code == 404


@pytest.mark.django_db
def test_page_offers_subscription_and_download_for_the_same_filter(client, calendar):
    html = client.get(calendar.url, {"tag": "senioren"}).content.decode()
    assert 'href="webcal://testserver/de/veranstaltungen/ical/?tag=senioren"' in html
    assert 'value="http://testserver/de/veranstaltungen/ical/?tag=senioren"' in html
    assert "Kalender abonnieren" in html
    assert "ICSx⁵" in html
    assert "google" not in html.lower()
