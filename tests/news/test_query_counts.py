"""The news index, the calendar and the home page cost the same number of queries for
10 and for 200 articles and events."""

from datetime import timedelta

import pytest

from django.utils import timezone

from wagtail.images.models import Image

from news.models import EventException
from news.recurrence import Repeat
from tests.news.factories import EventPageFactory, NewsPageFactory, berlin
from tests.queries import count_fresh_queries

# Upper bounds, so that a slow creep shows up even when both sizes grow together.
MAX_QUERIES = {
    "/de/neuigkeiten/": 25,
    "/de/neuigkeiten/archive/": 25,
    "/de/neuigkeiten/feed/rss/": 15,
    "/de/veranstaltungen/": 25,
    "/de/veranstaltungen/archive/": 25,
    "/de/veranstaltungen/ical/": 15,
    # Fresh, the home page also builds its way into the directory (three queries; a
    # fragment cached for the generation after that): tests/home/test_query_counts.py.
    "/de/": 32,
}


def add_content(news_index, calendar, count, offset):
    image = Image.objects.first()
    today = timezone.localdate()
    for number in range(offset, offset + count):
        NewsPageFactory(
            parent=news_index,
            date=today - timedelta(days=number % 20),
            # Every article has an image: a list without any skips the image queries,
            # which would make the counts differ by what is shown, not by how much exists.
            image=image,
            image_alt="Ein Bild",
            tags=["Umwelt", f"Thema {number % 7}"],
            relevant_until=None if number % 3 else today - timedelta(days=number % 20 - 1) if number % 20 else None,
        )
        day = today + timedelta(days=number % 30 - 5)
        EventPageFactory(
            parent=calendar,
            start=berlin(day, 8 + number % 12),
            end=berlin(day, 10 + number % 12),
            all_day=number % 11 == 0,
            repeat=[Repeat.NONE, Repeat.WEEKLY, Repeat.MONTHLY_WEEKDAY][number % 3],
            exceptions=[EventException(date=day + timedelta(weeks=1))] if number % 3 else [],
            tags=["Umwelt", f"Thema {number % 7}"],
        )


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_content(client, news_index, calendar):
    add_content(news_index, calendar, 10, 0)
    small = {path: count_fresh_queries(client, path) for path in MAX_QUERIES}

    add_content(news_index, calendar, 190, 10)
    large = {path: count_fresh_queries(client, path) for path in MAX_QUERIES}

    assert small == large
    for path, bound in MAX_QUERIES.items():
        assert large[path] <= bound, f"{path}: {large[path]} queries"
    print("queries per page:", large)
