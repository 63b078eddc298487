"""The calendar page, the event pages and what the model keeps about dates."""

import json
import re
from datetime import date, timedelta

import pytest

from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail.models import Locale, Page

from news.models import EventException, EventPage
from news.recurrence import Repeat
from tests.news.factories import EventIndexPageFactory, EventPageFactory, berlin

TODAY = timezone.localdate


def day_sections(html):
    """{ "2026-11-24": "<section>…</section>", … } of the calendar page."""
    return dict(re.findall(r'<section class="calendar-day" aria-labelledby="day-([\d-]+)">(.*?)</section>', html, re.S))


def days_of(html, title):
    return sorted(day for day, section in day_sections(html).items() if f">{title}</a>" in section)


@pytest.mark.django_db
def test_calendar_lists_upcoming_dates_grouped_by_day(client, calendar):
    day = TODAY() + timedelta(days=5)
    EventPageFactory(parent=calendar, title="Chorprobe", start=berlin(day, 18), end=berlin(day, 19))
    EventPageFactory(parent=calendar, title="Tanztee", start=berlin(day, 15), end=berlin(day, 17))
    html = client.get(calendar.url).content.decode()
    section = day_sections(html)[day.isoformat()]
    # One heading for the day, its events in order of time.
    assert section.index("Tanztee") < section.index("Chorprobe")
    assert "15:00</time>–<time" in section
    assert html.count(f'id="day-{day.isoformat()}"') == 1


@pytest.mark.django_db
def test_repeating_event_appears_on_each_date_except_the_cancelled_one(client, calendar):
    tuesday = TODAY() + timedelta(days=(1 - TODAY().weekday()) % 7 or 7)
    EventPageFactory(
        parent=calendar,
        title="Strickkreis",
        start=berlin(tuesday - timedelta(weeks=3), 16),
        end=berlin(tuesday - timedelta(weeks=3), 18),
        repeat=Repeat.WEEKLY,
        exceptions=[EventException(date=tuesday + timedelta(weeks=1), reason="Ferien")],
    )
    html = client.get(calendar.url, {"when": "month", "date": tuesday.isoformat()}).content.decode()
    expected = [tuesday + timedelta(weeks=n) for n in range(5) if n != 1]
    expected = [day.isoformat() for day in expected if day.month == tuesday.month]
    assert days_of(html, "Strickkreis") == expected
    page = EventPage.objects.get(title="Strickkreis")
    page_html = client.get(page.url).content.decode()
    assert "Fällt aus am" in page_html and "(Ferien)" in page_html
    assert "Jeden Dienstag" in page_html


@pytest.mark.django_db
def test_all_day_event_over_several_days(client, calendar):
    first = TODAY() + timedelta(days=10)
    event = EventPageFactory(
        parent=calendar,
        title="Kunstmarkt",
        start=berlin(first, 13, 30),
        end=berlin(first + timedelta(days=2), 8),
        all_day=True,
    )
    event.refresh_from_db()
    # The times entered are ignored: midnight of the first and of the last day.
    assert (event.local_start.date(), event.local_start.hour) == (first, 0)
    assert event.local_end.date() == first + timedelta(days=2)
    assert event.duration == timedelta(days=3)
    assert event.series_ends_at == berlin(first + timedelta(days=3), 0)

    html = client.get(calendar.url).content.decode()
    assert days_of(html, "Kunstmarkt") == [first.isoformat()]
    assert "Ganztägig, bis" in day_sections(html)[first.isoformat()]

    # Looking from the middle of it, it is still on, listed under the first day shown.
    middle = first + timedelta(days=1)
    html = client.get(calendar.url, {"date": middle.isoformat()}).content.decode()
    assert days_of(html, "Kunstmarkt") == [middle.isoformat()]


@pytest.mark.django_db
def test_timed_event_over_two_days(client, calendar):
    friday = TODAY() + timedelta(days=14)
    EventPageFactory(
        parent=calendar,
        title="Zeltlager",
        start=berlin(friday, 18),
        end=berlin(friday + timedelta(days=2), 14),
    )
    html = client.get(calendar.url).content.decode()
    section = day_sections(html)[friday.isoformat()]
    assert "18:00</time> Uhr bis" in section
    assert "14:00</time> Uhr" in section


@pytest.mark.django_db
def test_calendar_lists_events_from_anywhere_in_the_site(client, calendar, home_page):
    other = EventIndexPageFactory(parent=home_page, title="Vereinstermine")
    EventPageFactory(parent=other, title="Vereinsabend", start=berlin(TODAY() + timedelta(days=2), 19))
    assert "Vereinsabend" in client.get(calendar.url).content.decode()


@pytest.mark.django_db
def test_untranslated_events_show_in_german_on_a_translated_calendar(client, calendar):
    english = Locale.objects.get(language_code="en")
    # Each copy is published before its children are copied: publishing a stale
    # instance would reset the tree's child count.
    calendar.get_parent().specific.copy_for_translation(english).save_revision().publish()
    calendar_en = calendar.copy_for_translation(english)
    calendar_en.title = "Events"
    calendar_en.save_revision().publish()
    cafe = EventPage.objects.get(slug="nachbarschaftscafe")
    cafe_en = cafe.copy_for_translation(english)
    cafe_en.title = "Neighbourhood café"
    cafe_en.save_revision().publish()

    html = client.get("/en/veranstaltungen/").content.decode()
    assert "<h1>Events</h1>" in html
    assert "Neighbourhood café" in html
    assert ">Nachbarschaftscafé</a>" not in html  # its translation replaces it
    assert "Repair-Café" in html  # untranslated: shown in German


@pytest.mark.django_db
def test_tag_filter_shows_only_that_topic(client, calendar):
    response = client.get(calendar.url, {"tag": "kinder"})
    html = response.content.decode()
    assert response.context["active_tag"].name == "Kinder"
    assert "Erste Hilfe am Kind" in html
    assert ">Nachbarschaftscafé</a>" not in html
    assert '<option value="kinder" selected>Kinder</option>' in html


@pytest.mark.django_db
def test_unknown_tag_says_so(client, calendar):
    response = client.get(calendar.url, {"tag": "gibt-es-nicht"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Zum Thema „gibt-es-nicht“ gibt es keine Veranstaltungen." in html
    assert 'aria-invalid="true"' in html
    assert ">Nachbarschaftscafé</a>" not in html


@pytest.mark.django_db
def test_this_week_ends_on_sunday_and_this_month_at_its_end(client, calendar):
    start = TODAY()
    sunday = start + timedelta(days=6 - start.weekday())
    EventPageFactory(parent=calendar, title="Nach dem Sonntag", start=berlin(sunday + timedelta(days=1), 10))
    week = client.get(calendar.url, {"when": "week"}).context
    assert week["window_last_day"] == sunday
    assert "Nach dem Sonntag" not in {occurrence.event.title for occurrence in week["occurrences"]}

    month = client.get(calendar.url, {"when": "month"}).context
    assert month["window_last_day"].month == start.month
    assert (month["window_last_day"] + timedelta(days=1)).day == 1


@pytest.mark.django_db
def test_date_field_moves_the_window_and_offers_later_events(client, calendar):
    later = TODAY() + timedelta(days=200)
    EventPageFactory(parent=calendar, title="Wintermarathon", start=berlin(later, 15))
    assert "Wintermarathon" not in client.get(calendar.url).content.decode()
    response = client.get(calendar.url, {"date": later.isoformat()})
    assert "Wintermarathon" in response.content.decode()
    assert response.context["window_start"].date() == later
    html = client.get(calendar.url).content.decode()
    next_start = (TODAY() + timedelta(days=92)).isoformat()
    # Residents follow it; crawlers neither follow it nor index a chosen day, and
    # robots.txt keeps them out of dated addresses: the chain runs three years ahead.
    assert f'href="?date={next_start}" rel="next nofollow"' in html
    assert 'name="robots"' not in html
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    assert "Disallow: /*?*date=" in client.get("/robots.txt").content.decode()


@pytest.mark.django_db
def test_the_subscription_is_linked_from_the_top_of_the_calendar(client, calendar):
    html = client.get(calendar.url).content.decode()
    link = html.index('href="#subscribe-heading"')
    assert link < html.index('class="calendar-period"') < html.index('id="subscribe-heading"')


@pytest.mark.django_db
def test_past_dates_leave_the_calendar_and_go_to_the_archive(client, calendar):
    response = client.get(calendar.url)
    assert "Kiezputz" not in response.content.decode()
    archive = client.get(calendar.url + "archive/")
    html = archive.content.decode()
    assert archive.status_code == 200
    assert "Kiezputz" in html
    assert "Flohmarkt auf dem Lindenplatz" not in html
    assert "Vergangene Veranstaltungen" in html
    # The weekly café has had dates already: the archive lists them, newest first.
    # Today's counts once it is over (a test run on the café's weekday, after it).
    cafe_days = days_of(html, "Nachbarschaftscafé")
    assert cafe_days and all(day <= TODAY().isoformat() for day in cafe_days)
    assert list(day_sections(html)) == sorted(day_sections(html), reverse=True)


@pytest.mark.django_db
def test_calendar_is_paginated(client, calendar):
    day = TODAY() + timedelta(days=3)
    for number in range(45):
        EventPageFactory(parent=calendar, title=f"Termin {number:02d}", start=berlin(day, 8), end=None)
    first = client.get(calendar.url)
    assert first.context["occurrences"].paginator.num_pages >= 2
    assert 'rel="next"' in first.content.decode()
    second = client.get(calendar.url, {"page": 2})
    assert second.status_code == 200
    assert second.context["occurrences"].number == 2


@pytest.mark.django_db
def test_event_page_shows_facts_and_structured_data(client, calendar):
    day = TODAY() + timedelta(days=9)
    event = EventPageFactory(
        parent=calendar,
        title="Lesung",
        start=berlin(day, 19),
        end=berlin(day, 21),
        place_name="Bibliothek",
        address="Parkstraße 8\n10999 Berlin",
        organiser_name="Geschichtswerkstatt",
        organiser_url="https://example.org/",
        is_free=False,
        price="5.00",
        price_note="ermäßigt 3 Euro",
        registration_required=True,
        registration_info="Per E-Mail an lesung@example.org",
        accessibility="Aufzug vorhanden",
        tags=["Kultur"],
    )
    html = client.get(event.url).content.decode()
    for text in ["Bibliothek", "Parkstraße 8", "Geschichtswerkstatt", "5,00 Euro – ermäßigt 3 Euro"]:
        assert text in html
    assert "Erforderlich: Per E-Mail an lesung@example.org" in html
    assert "Aufzug vorhanden" in html
    assert f'href="{calendar.url}?tag=kultur"' in html
    assert f'href="{event.url}ical/"' in html

    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Event"
    assert data["startDate"] == berlin(day, 19).isoformat()
    assert data["location"]["name"] == "Bibliothek"
    assert data["offers"] == {
        "@type": "Offer",
        "price": "5.00",
        "priceCurrency": "EUR",
        "url": f"http://testserver{event.url}",
    }
    assert data["organizer"] == {"@type": "Organization", "name": "Geschichtswerkstatt", "url": "https://example.org/"}
    assert data["location"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Parkstraße 8",
        "postalCode": "10999",
        "addressLocality": "Berlin",
        "addressCountry": "DE",
    }
    assert '<meta property="og:title" content="Lesung">' in html


def event_jsonld(client, event):
    html = client.get(event.url).content.decode()
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


@pytest.mark.django_db
def test_a_free_event_offers_itself_at_no_cost_and_a_club_event_names_its_club(client, calendar):
    free = EventPageFactory(parent=calendar, title="Kiezspaziergang", start=berlin(TODAY() + timedelta(days=3), 15))
    assert event_jsonld(client, free)["offers"]["price"] == "0"
    club_event = Page.objects.get(slug="sommerfest-sv").specific
    organiser = event_jsonld(client, club_event)["organizer"]
    club = club_event.get_parent()
    assert organiser == {"@type": "Organization", "name": club.title, "url": f"http://testserver{club.url}"}


@pytest.mark.django_db
def test_repeating_event_structured_data_has_the_next_date_and_a_schedule(client):
    cafe = EventPage.objects.get(slug="nachbarschaftscafe")
    html = client.get(cafe.url).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    next_date = cafe.next_occurrences(1)[0]
    assert data["startDate"] == next_date.start.isoformat()
    assert data["eventSchedule"]["repeatFrequency"] == "P1W"
    assert data["eventSchedule"]["startTime"] == "15:00"
    assert len(data["eventSchedule"]["exceptDate"]) == 1


@pytest.mark.django_db
def test_past_event_is_marked_and_offers_no_download(client):
    html = client.get(EventPage.objects.get(slug="kiezputz").url).content.decode()
    assert "Diese Veranstaltung ist vorbei." in html
    assert "In meinen Kalender übernehmen" not in html


@pytest.mark.django_db
def test_series_end_is_kept_for_queries(calendar):
    start = berlin(date(2030, 1, 7), 10)
    counted = EventPageFactory(parent=calendar, start=start, end=None, repeat=Repeat.WEEKLY, repeat_count=4)
    assert counted.series_ends_at == berlin(date(2030, 1, 28), 10)
    open_ended = EventPageFactory(parent=calendar, start=start, repeat=Repeat.WEEKLY)
    assert open_ended.series_ends_at is None
    single = EventPageFactory(parent=calendar, start=start, end=start + timedelta(hours=3))
    assert single.series_ends_at == start + timedelta(hours=3)


# A new page asks the database for its content type (Wagtail's Page.__init__): without the
# mark these passed only while an earlier test had left the content types cached.
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "field_with_error"),
    [
        ({"end": berlin(date(2030, 1, 1), 9)}, "end"),
        ({"repeat": Repeat.WEEKLY, "repeat_until": date(2030, 6, 1), "repeat_count": 3}, "repeat_count"),
        ({"repeat": Repeat.WEEKLY, "repeat_until": date(2029, 12, 1)}, "repeat_until"),
        ({"repeat": Repeat.WEEKLY, "end": berlin(date(2030, 1, 9), 10)}, "end"),
        ({"is_free": False}, "price"),
        ({"registration_required": True}, "registration_info"),
    ],
)
def test_event_validation(fields, field_with_error):
    event = EventPage(title="Test", teaser="Test", start=berlin(date(2030, 1, 1), 10), **fields)
    with pytest.raises(ValidationError) as raised:
        event.clean()
    assert field_with_error in raised.value.message_dict


@pytest.mark.django_db
def test_valid_event_passes_validation():
    EventPage(
        title="Test",
        teaser="Test",
        start=berlin(date(2030, 1, 1), 10),
        end=berlin(date(2030, 1, 1), 12),
        repeat=Repeat.WEEKLY,
        repeat_count=5,
        is_free=False,
        price_note="Spende",
    ).clean()


@pytest.mark.django_db
def test_an_event_page_shows_a_published_change_at_once(client):
    cafe = EventPage.objects.get(slug="nachbarschaftscafe")
    assert "Renovierung" not in client.get(cafe.url).content.decode()

    called_off = cafe.next_occurrences(1)[0].start_date
    cafe.exceptions.add(EventException(date=called_off, reason="Renovierung"))
    cafe.save_revision().publish()
    assert "Renovierung" in client.get(cafe.url).content.decode()
