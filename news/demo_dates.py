"""Dates for the demo's events, relative to the day the demo is loaded: the next
Tuesday, the second Saturday of a month, a festival in its season."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone


def at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=timezone.get_default_timezone())


def next_weekday(day, weekday):
    """The first `weekday` (0 = Monday) on or after `day`."""
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def in_season(today, month, day, weekday):
    """The `weekday` nearest to `day` of `month`, this year or, once that is past,
    next year: a lantern walk around St Martin's day, a summer party in summer,
    whatever the day the demo is loaded."""
    for year in (today.year, today.year + 1):
        anchor = date(year, month, day)
        nearest = anchor + timedelta(days=(weekday - anchor.weekday() + 3) % 7 - 3)
        if nearest >= today:
            return nearest
    raise AssertionError("unreachable: next year's date is always ahead")


def nth_weekday_of_month(year, month, weekday, position):
    first = next_weekday(datetime(year, month, 1).date(), weekday)
    return first + timedelta(weeks=position - 1)
