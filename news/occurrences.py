"""Dates of events as the calendar shows them: one entry per date of a repeating event,
grouped by day."""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from itertools import groupby

from django.db.models import Prefetch


@dataclass(frozen=True)
class Occurrence:
    """One date of an event. `start` is local time; `end` is local time for timed
    events (None when the editor gave no end) and the start of the last day for
    all-day events."""

    event: object
    start: datetime
    end: datetime | None
    all_day: bool

    @property
    def start_date(self):
        return self.start.date()

    @property
    def end_date(self):
        return self.end.date() if self.end else self.start_date

    @property
    def multi_day(self):
        return self.end_date > self.start_date

    @property
    def ends_at(self):
        """The first moment after the date (exclusive), to compare with windows."""
        if self.all_day:
            return self.start + self.event.duration
        return self.end or self.start

    def overlaps(self, window_start, window_end):
        if self.start >= window_end:
            return False
        if self.ends_at == self.start:
            return self.start >= window_start
        return self.ends_at > window_start


def prefetch_for_calendar(events):
    """What a calendar list needs of each event, in a constant number of queries."""
    from .models import EventException

    return events.defer_streamfields().prefetch_related(
        Prefetch("exceptions", queryset=EventException.objects.order_by("date"))
    )


class _Dates:
    """The fields of an event its dates are computed from, without building the page:
    a calendar expands every event of its window (seeded: 450) to show 40 dates, and
    building each as a page took most of its time."""

    FIELDS = ("pk", "title", "start", "end", "all_day", "repeat", "repeat_interval", "repeat_until", "repeat_count")

    def __init__(self, row, exception_dates):
        self.__dict__.update(row)
        self.exception_dates = exception_dates

    @classmethod
    def bind(cls):
        # The very rules of EventPage, so that the two cannot drift apart.
        from .models import EventPage

        for name in ("local_start", "local_end", "duration", "rule", "occurrences"):
            setattr(cls, name, EventPage.__dict__[name])


class Occurrences(Sequence):
    """The sorted dates of a window; the events of the dates taken out (a page of the
    calendar, the home page's five) are loaded as pages, in one query, when taken."""

    def __init__(self, dates, events):
        self._dates = dates
        self._events = events

    def __len__(self):
        return len(self._dates)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._with_pages(self._dates[index])
        return self._with_pages([self._dates[index]])[0]

    def __iter__(self):
        return iter(self._with_pages(self._dates))

    def filter(self, keep):
        return Occurrences([occurrence for occurrence in self._dates if keep(occurrence)], self._events)

    def _with_pages(self, dates):
        pks = {occurrence.event.pk for occurrence in dates}
        if not pks:
            return []
        pages = {event.pk: event for event in prefetch_for_calendar(self._events.filter(pk__in=pks))}
        return [replace(occurrence, event=pages[occurrence.event.pk]) for occurrence in dates]


def expand(events, window_start, window_end, reverse=False):
    """All dates of `events` that overlap the window, sorted by start (then title)."""
    occurrences = []
    for event in prefetch_for_calendar(events):
        occurrences.extend(event.occurrences(window_start, window_end))
    occurrences.sort(key=lambda occurrence: (occurrence.start, occurrence.event.title), reverse=reverse)
    return occurrences


def expand_lazily(events, window_start, window_end, reverse=False):
    """expand() for many events of which few dates are shown (a page of the calendar):
    two more queries than expand(), which pay off only when the events not shown are
    many; the home page's handful is quicker with expand()."""
    from .models import EventException

    if not hasattr(_Dates, "rule"):
        _Dates.bind()
    exception_dates = {}
    for page_id, day in EventException.objects.filter(page__in=events.values("pk")).values_list("page_id", "date"):
        exception_dates.setdefault(page_id, set()).add(day)
    occurrences = []
    for row in events.values(*_Dates.FIELDS):
        dates = _Dates(row, exception_dates.get(row["pk"], set()))
        occurrences.extend(dates.occurrences(window_start, window_end))
    occurrences.sort(key=lambda occurrence: (occurrence.start, occurrence.event.title), reverse=reverse)
    return Occurrences(occurrences, events)


def group_by_day(occurrences, first_day: date | None = None):
    """[(day, [occurrence, ...]), ...]: an event that began before `first_day` and is
    still running is listed under `first_day`."""

    def day_of(occurrence):
        if first_day is not None and occurrence.start_date < first_day:
            return first_day
        return occurrence.start_date

    return [(day, list(items)) for day, items in groupby(occurrences, key=day_of)]
