"""The demo builds a living news section and calendar, relative to today."""

import io
from datetime import date, timedelta

import pytest

from django.core.management import call_command
from django.utils import timezone

from news.demo_dates import in_season
from news.models import EventException, EventPage, NewsPage
from news.queries import relevant_news_q


@pytest.mark.django_db
def test_demo_has_a_dozen_articles_over_recent_weeks():
    articles = NewsPage.objects.live()
    assert articles.count() == 12
    today = timezone.localdate()
    assert all((today - article.date).days <= 45 for article in articles)
    assert articles.exclude(relevant_news_q()).count() == 2  # examples of older news
    assert all(article.tag_list for article in articles)


@pytest.mark.django_db
def test_demo_calendar_has_upcoming_one_off_and_repeating_events():
    events = EventPage.objects.live()
    now = timezone.now()
    repeating = events.exclude(repeat="")
    assert {event.title for event in repeating} >= {"Nachbarschaftscafé", "Repair-Café", "Seniorentreff"}
    assert all(event.next_occurrences(1) for event in repeating)
    one_off = events.filter(repeat="", start__gt=now)
    assert {"Flohmarkt auf dem Lindenplatz", "Laternenumzug", "Kiezfest Lindenkiez"} <= {e.title for e in one_off}
    assert events.filter(all_day=True).exists()
    assert EventException.objects.filter(page__slug="nachbarschaftscafe").count() == 1


@pytest.mark.django_db
def test_demo_runs_again_without_duplicating_tags_or_exceptions():
    before = (NewsPage.objects.count(), EventPage.objects.count(), EventException.objects.count())
    call_command("load_demo_content", "--without-translations", stdout=io.StringIO())
    after = (NewsPage.objects.count(), EventPage.objects.count(), EventException.objects.count())
    assert before == after
    cafe = EventPage.objects.get(slug="nachbarschaftscafe")
    assert sorted(tag.name for tag in cafe.tag_list) == ["Begegnung", "Senioren"]


@pytest.mark.django_db
def test_news_and_events_are_found_by_the_site_search(client):
    html = client.get("/de/search/", {"q": "Repair"}).content.decode()
    assert "<mark>Repair</mark>-Café" in html  # the word that matched is marked
    html = client.get("/de/search/", {"q": "Armlehnen"}).content.decode()
    assert "Neue Bänke auf dem Lindenplatz" in html


@pytest.mark.django_db
def test_english_calendar_uses_english_interface(client):
    html = client.get("/en/veranstaltungen/").content.decode()
    assert "Subscribe to the calendar" in html
    assert "Every Tuesday" in html
    assert "Nachbarschaftscafé" in html  # German content where untranslated


@pytest.mark.django_db
def test_seasonal_demo_events_are_in_their_season_and_ahead():
    seasons = {
        "laternenumzug": {10, 11},
        "kiezfest": {5, 6, 7, 8, 9},
        "sommerfest-sv": {6, 7, 8},
        "erntefest": {9, 10},
    }
    today = timezone.localdate()
    for slug, months in seasons.items():
        start = timezone.localtime(EventPage.objects.get(slug=slug).start).date()
        assert start.month in months, (slug, start)
        assert today <= start <= today + timedelta(days=366), (slug, start)


def test_in_season_is_the_nearest_weekday_this_year_or_next():
    assert in_season(date(2026, 12, 3), 11, 11, 4) == date(2027, 11, 12)
    assert in_season(date(2026, 11, 1), 11, 11, 4) == date(2026, 11, 13)
    assert in_season(date(2026, 11, 13), 11, 11, 4) == date(2026, 11, 13)
