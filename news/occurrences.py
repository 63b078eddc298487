"""Dates of events as the calendar shows them: one entry per date of a repeating event,
grouped by day."""

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from itertools import groupby, islice

from django.db import connection
from django.db.models import Prefetch, Q
from django.db.models.functions import Collate


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
    calendar, the home page's five) are loaded as pages, in one query, when taken.

    `dates` are those expanded in Python, sorted. `singles`, if given, are events
    with exactly one date (no repetition, no exception) that overlap the window, left
    in the database: counted there, and only as many as the dates taken out need are
    read, in the same order, and merged with `dates`."""

    def __init__(self, dates, events, singles=None, window=None, reverse=False):
        self._dates = dates
        self._events = events
        self._singles = singles
        self._window = window
        self._reverse = reverse
        self._single_count = None

    def __len__(self):
        if self._singles is None:
            return len(self._dates)
        if self._single_count is None:
            self._single_count = self._singles.count()
        return len(self._dates) + self._single_count

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._slice(index)
        if index < 0:
            return self._with_pages([self._sorted(None)[index]])[0]
        return self._with_pages([self._sorted(index + 1)[index]])[0]

    def _slice(self, index):
        if index.step not in (None, 1) or (index.start or 0) < 0 or (index.stop or 0) < 0:
            return self._with_pages(self._sorted(None)[index])
        return self._with_pages(self._sorted(index.stop)[index.start or 0 : index.stop])

    def __iter__(self):
        return iter(self._with_pages(self._sorted(None)))

    def filter(self, keep):
        return Occurrences([occurrence for occurrence in self._sorted(None) if keep(occurrence)], self._events)

    def _sorted(self, stop):
        """The first `stop` dates (all for None), in order."""
        if self._singles is None:
            return self._dates[:stop]
        direction = "-" if self._reverse else ""
        title = Collate("title", "C" if connection.vendor == "postgresql" else "BINARY")
        # Python compares titles by code point, which these collations do too: the
        # database's order then is the order of _sort_key.
        rows = self._singles.annotate(title_order=title).order_by(f"{direction}start", f"{direction}title_order")
        rows = rows.values(*_Dates.FIELDS)
        singles = [occurrence for row in rows[:stop] for occurrence in _Dates(row, set()).occurrences(*self._window)]
        merged = heapq.merge(self._dates, singles, key=_sort_key, reverse=self._reverse)
        return list(islice(merged, stop))

    def _with_pages(self, dates):
        pks = {occurrence.event.pk for occurrence in dates}
        if not pks:
            return []
        pages = {event.pk: event for event in prefetch_for_calendar(self._events.filter(pk__in=pks))}
        return [replace(occurrence, event=pages[occurrence.event.pk]) for occurrence in dates]


def _sort_key(occurrence):
    return (occurrence.start, occurrence.event.title)


def dates_in_window(events, window_start, window_end, reverse=False):
    """Every date of `events` that overlaps the window, sorted by start (then title),
    for lists that show few of many (a page of the calendar, the home page's next
    dates): most events have a single date, which the database can count and sort by
    itself; only repeating events and those with dates called off are expanded here,
    from their rows, without building pages."""
    from .models import EventException

    if not hasattr(_Dates, "rule"):
        _Dates.bind()
    one_date = Q(repeat="") & ~Q(pk__in=EventException.objects.values("page_id"))

    def expand():
        exception_dates = {}
        for page_id, day in EventException.objects.filter(page__in=events.values("pk")).values_list("page_id", "date"):
            exception_dates.setdefault(page_id, set()).add(day)
        occurrences = []
        for row in events.exclude(one_date).values(*_Dates.FIELDS):
            dates = _Dates(row, exception_dates.get(row["pk"], set()))
            occurrences.extend(dates.occurrences(window_start, window_end))
        occurrences.sort(key=_sort_key, reverse=reverse)
        return occurrences

    # The one date overlaps the window (see Occurrence.overlaps): it starts in it, or
    # ends after its start. A single date's series ends when its date does.
    singles = events.filter(one_date).filter(
        Q(start__gte=window_start, start__lt=window_end) | Q(start__lt=window_end, series_ends_at__gt=window_start)
    )
    return Occurrences(expand(), events, singles=singles, window=(window_start, window_end), reverse=reverse)


def group_by_day(occurrences, first_day: date | None = None):
    """[(day, [occurrence, ...]), ...]: an event that began before `first_day` and is
    still running is listed under `first_day`."""

    def day_of(occurrence):
        if first_day is not None and occurrence.start_date < first_day:
            return first_day
        return occurrence.start_date

    return [(day, list(items)) for day, items in groupby(occurrences, key=day_of)]
