"""The home page's next dates: only the earliest single dates are expanded, and the
list is the one expanding every event would give."""

from datetime import timedelta

import pytest

from django.utils import timezone

from wagtail.models import Locale

from news.models import EventException, EventPage
from news.occurrences import dates_in_window, prefetch_for_calendar
from news.queries import home_sections
from news.recurrence import Repeat
from tests.news.factories import EventPageFactory, berlin


def expand(events, window_start, window_end, reverse=False):
    """The plain way, to compare with: every event built as a page and asked for its
    dates, all of them sorted."""
    occurrences = []
    for event in prefetch_for_calendar(events):
        occurrences.extend(event.occurrences(window_start, window_end))
    occurrences.sort(key=lambda occurrence: (occurrence.start, occurrence.event.title), reverse=reverse)
    return occurrences


@pytest.mark.django_db
@pytest.mark.parametrize("singles", [0, 3, 12])
def test_next_dates_are_those_of_expanding_every_event(calendar, singles):
    today = timezone.localdate()
    for day in range(singles):
        # Two on the same evening: ties at the cut must not lose one.
        EventPageFactory(parent=calendar, title=f"Einzeln {day}", start=berlin(today + timedelta(days=day + 1), 19))
        EventPageFactory(parent=calendar, title=f"Auch {day}", start=berlin(today + timedelta(days=day + 1), 19))
    EventPageFactory(
        parent=calendar,
        title="Strickkreis",
        start=berlin(today - timedelta(weeks=3), 16),
        end=berlin(today - timedelta(weeks=3), 18),
        repeat=Repeat.WEEKLY,
    )
    # A single date called off: it has no date, the next ones move up.
    EventPageFactory(
        parent=calendar,
        title="Abgesagt",
        start=berlin(today + timedelta(days=1), 10),
        exceptions=[EventException(date=today + timedelta(days=1))],
    )
    now = timezone.now()
    window_end = now + timedelta(days=61)
    every_date = expand(EventPage.objects.live().in_window(now, window_end), now, window_end)

    shown = home_sections(Locale.get_default())["occurrences"]

    expected = [(o.event.pk, o.start) for o in every_date if o.start < window_end][:5]
    assert [(o.event.pk, o.start) for o in shown] == expected
    assert len(shown) == 5


@pytest.mark.django_db
@pytest.mark.parametrize("reverse", [False, True])
def test_lazy_expansion_gives_the_same_dates_with_whole_pages(calendar, reverse):
    today = timezone.localdate()
    for day in range(6):
        EventPageFactory(parent=calendar, title=f"Einzeln {day}", start=berlin(today + timedelta(days=day), 19))
    EventPageFactory(
        parent=calendar,
        title="Strickkreis",
        start=berlin(today - timedelta(weeks=3), 16),
        repeat=Repeat.WEEKLY,
        exceptions=[EventException(date=today + timedelta(weeks=1))],  # one date called off
    )
    now = timezone.now()
    window_end = now + timedelta(days=30)
    events = EventPage.objects.live().in_window(now, window_end)

    eager = expand(events, now, window_end, reverse=reverse)
    lazy = dates_in_window(events, now, window_end, reverse=reverse)

    assert len(lazy) == len(eager)
    assert [(o.event.pk, o.start, o.end) for o in lazy] == [(o.event.pk, o.start, o.end) for o in eager]
    assert [(o.event.pk, o.start) for o in lazy[2:5]] == [(o.event.pk, o.start) for o in eager[2:5]]
    assert all(isinstance(o.event, EventPage) for o in lazy[:3])


@pytest.mark.django_db
@pytest.mark.parametrize("reverse", [False, True])
def test_single_dates_left_in_the_database_merge_in_the_order_of_expanding(calendar, reverse):
    """Single dates are counted and sorted by the database, and merged with the
    expanded ones: every kind of single date, ties on the same evening sorted by
    title as Python sorts them, and every page of the list as expanding gives it."""
    today = timezone.localdate()
    now = timezone.now()
    for title in ("Zebra", "apfel", "Äpfel", "Apfel"):  # code point order: Apfel, Zebra, apfel, Äpfel
        EventPageFactory(parent=calendar, title=title, start=berlin(today + timedelta(days=2), 19))
    EventPageFactory(
        parent=calendar, title="Läuft gerade", start=now - timedelta(hours=1), end=now + timedelta(hours=1)
    )
    EventPageFactory(parent=calendar, title="Ohne Ende, vorbei", start=now - timedelta(hours=1), end=None)
    EventPageFactory(parent=calendar, title="Vorbei", start=now - timedelta(hours=3), end=now - timedelta(hours=2))
    EventPageFactory(
        parent=calendar,
        title="Hoffest über drei Tage",
        start=berlin(today - timedelta(days=1), 0),
        end=berlin(today + timedelta(days=1), 0),
        all_day=True,
    )
    EventPageFactory(
        parent=calendar, title="Ganztags übermorgen", start=berlin(today + timedelta(days=2), 0), all_day=True
    )
    EventPageFactory(parent=calendar, title="Nach dem Fenster", start=berlin(today + timedelta(days=40), 19))
    EventPageFactory(
        parent=calendar, title="Lesekreis", start=berlin(today - timedelta(days=20), 19), repeat=Repeat.WEEKLY
    )
    window_end = now + timedelta(days=30)
    events = EventPage.objects.live().in_window(now, window_end)

    eager = expand(events, now, window_end, reverse=reverse)
    lazy = dates_in_window(events, now, window_end, reverse=reverse)

    def dates(occurrences):
        return [(o.event.pk, o.start, o.end) for o in occurrences]

    assert len(lazy) == len(eager)
    assert dates(lazy) == dates(eager)
    for start in range(0, len(eager), 3):
        assert dates(lazy[start : start + 3]) == dates(eager[start : start + 3])
    assert dates([lazy[4]]) == dates([eager[4]])
    titles = [o.event.title for o in eager]
    assert "Ohne Ende, vorbei" not in titles and "Vorbei" not in titles and "Nach dem Fenster" not in titles
    assert "Läuft gerade" in titles and "Hoffest über drei Tage" in titles
