"""Dates of events as the calendar shows them: one entry per date of a repeating event,
grouped by day."""

from dataclasses import dataclass
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


def expand(events, window_start, window_end, reverse=False):
    """All dates of `events` that overlap the window, sorted by start (then title)."""
    occurrences = []
    for event in prefetch_for_calendar(events):
        occurrences.extend(event.occurrences(window_start, window_end))
    occurrences.sort(key=lambda occurrence: (occurrence.start, occurrence.event.title), reverse=reverse)
    return occurrences


def group_by_day(occurrences, first_day: date | None = None):
    """[(day, [occurrence, ...]), ...]: an event that began before `first_day` and is
    still running is listed under `first_day`."""

    def day_of(occurrence):
        if first_day is not None and occurrence.start_date < first_day:
            return first_day
        return occurrence.start_date

    return [(day, list(items)) for day, items in groupby(occurrences, key=day_of)]
