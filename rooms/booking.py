"""When a room is free, and taking its time without ever booking it twice.

Every change of a room's bookings runs in one transaction that first locks the room's
row: on PostgreSQL `SELECT ... FOR UPDATE` makes a second request for the same room
wait until the first committed, and the exclusion constraint (migrations/0002) refuses
an overlap whatever code wrote it; on SQLite the transaction takes the database's
write lock when it begins (`transaction_mode: IMMEDIATE` in the settings), which does
the same. The check inside the transaction then sees every booking made before it.

Times are planned in local wall-clock time: a group that meets at 19:00 meets at 19:00
in summer and in winter.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

import holidays

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import REPEAT_WEEKS, Booking, Room

# A series may run a year at most: a request is for a season, and the house rules and
# fees of the next year may differ.
MAX_SERIES_DAYS = 366
SUGGESTIONS = 3

SKIP_REASONS = {
    "holiday": _("public holiday"),
    "closed": _("the house is closed"),
    "taken": _("already booked"),
    "left_out": _("left out when approved"),
}


class Taken(Exception):
    """The time, or every date of a series, is booked already."""


@dataclass(frozen=True)
class Plan:
    """The dates of a request or group time: those to book, and those left out with why."""

    dates: list  # [(start, end)], aware datetimes
    skipped: list  # [{"date": "2026-12-24", "why": "holiday", "note": "..."}]


@cache
def _holidays_of(year):
    country, _dash, subdivision = settings.ROOMS_HOLIDAYS.partition("-")
    return holidays.country_holidays(country, subdiv=subdivision or None, years=[year], language="de")


def holiday(day):
    """The name of the public holiday on `day`, or None (settings.ROOMS_HOLIDAYS)."""
    return _holidays_of(day.year).get(day)


def local(day, clock):
    return timezone.make_aware(datetime.combine(day, clock), timezone.get_current_timezone())


def plan(house, first_start, first_end, repeat="", until=None):
    """The dates from the first one, every one or two weeks until `until`, without
    public holidays and the house's closure days."""
    start, end = timezone.localtime(first_start), timezone.localtime(first_end)
    length_days = (end.date() - start.date()).days
    step = timedelta(weeks=REPEAT_WEEKS.get(repeat, 0)) if repeat else None
    last = until if step else start.date()
    closures = list(house.canonical.closures.all())
    dates, skipped = [], []
    day = start.date()
    while day <= last:
        name = holiday(day)
        closure = next((c for c in closures if c.first_day <= day <= c.last_day), None)
        if name:
            skipped.append({"date": day.isoformat(), "why": "holiday", "note": name})
        elif closure or not house.is_open_on(day):
            skipped.append({"date": day.isoformat(), "why": "closed", "note": closure.reason if closure else ""})
        else:
            dates.append((local(day, start.time()), local(day + timedelta(days=length_days), end.time())))
        if step is None or day > date.max - step:  # the calendar's last year ends the series
            break
        day += step
    return Plan(dates, skipped)


def busy(room, window_start, window_end):
    """The room's bookings that touch the window, in order: one query."""
    return list(
        Booking.objects.filter(room=room, starts_at__lt=window_end, ends_at__gt=window_start).order_by("starts_at")
    )


def clashes(room, dates):
    """The dates of `dates` that overlap a booking of the room."""
    if not dates:
        return []
    taken = busy(room, min(start for start, _end in dates), max(end for _start, end in dates))
    return [(start, end) for start, end in dates if any(b.starts_at < end and b.ends_at > start for b in taken)]


def free_slots(room, start, end, count=SUGGESTIONS, days=14):
    """The next times of the same length the room is free, the same day first, then at
    the same time on the following days: what a refused request is offered instead."""
    house = room.house
    length = end - start
    start = timezone.localtime(start)
    window_end = start + timedelta(days=days + 1)
    taken = busy(room, start, window_end)
    closures = list(house.closures.all())
    now = timezone.now()
    candidates = []
    for hours in range(1, 24):
        candidates.append(start + timedelta(hours=hours))
    for offset in range(1, days + 1):
        candidates.append(local(start.date() + timedelta(days=offset), start.time()))
    found = []
    for candidate in candidates:
        candidate = timezone.localtime(candidate)
        candidate_end = candidate + length
        day = candidate.date()
        if (
            candidate <= now
            or not house.is_open_on(day)
            or holiday(day)
            or candidate.time() < house.opens_at
            or candidate_end.date() != day
            or timezone.localtime(candidate_end).time() > house.closes_at
            or any(c.first_day <= day <= c.last_day for c in closures)
            or any(b.starts_at < candidate_end and b.ends_at > candidate for b in taken)
        ):
            continue
        found.append((candidate, candidate_end))
        if len(found) == count:
            break
    return found


def _locked(room):
    # The lock that puts requests for one room in a row (see the module's text).
    return Room.objects.select_for_update().get(pk=room.pk)


def hold(room, dates, *, make_owner, public_title="", confirmed=False, all_or_nothing=True):
    """Book `dates` of `room` in one transaction: `make_owner()` stores the request or
    group time (inside the transaction, so nothing is stored when the time is taken)
    and returns the keyword for the bookings' owner, e.g. {"request": request}.

    Dates that clash are left out and returned; with `all_or_nothing` (a single date),
    or when every date clashes, Taken is raised and nothing is stored."""
    try:
        with transaction.atomic():
            _locked(room)
            taken = clashes(room, dates)
            free = [date_ for date_ in dates if date_ not in taken]
            if not free or (taken and all_or_nothing):
                raise Taken
            owner = make_owner(taken)
            Booking.objects.bulk_create(
                Booking(
                    room=room, starts_at=start, ends_at=end, confirmed=confirmed, public_title=public_title, **owner
                )
                for start, end in free
            )
    except IntegrityError as error:
        # PostgreSQL's exclusion constraint: another process booked between our check and
        # our insert, which the lock prevents; kept as the last line of defence.
        if "rooms_booking_no_overlap" in str(error):
            raise Taken from error
        raise
    return taken


def skipped_entries(dates, why):
    return [{"date": timezone.localtime(start).date().isoformat(), "why": why, "note": ""} for start, _end in dates]


def place_group_time(group_time, today=None):
    """(Re)place a group's fixed time from today on: its future bookings are made anew,
    holidays, closure days and taken dates are left out and remembered."""
    today = today or timezone.localdate()
    room = group_time.room
    first = max(group_time.first_day, today)
    # Keep the group's weekday and rhythm when the season started in the past.
    weeks = REPEAT_WEEKS[group_time.repeat]
    if first > group_time.first_day:
        behind = (first - group_time.first_day).days
        first = group_time.first_day + timedelta(days=-(-behind // (7 * weeks)) * 7 * weeks)
    if first > group_time.last_day:
        group_time.bookings.filter(starts_at__gte=local(today, datetime.min.time())).delete()
        return []
    series = plan(room.house, *group_time.local_interval(first), repeat=group_time.repeat, until=group_time.last_day)
    with transaction.atomic():
        _locked(room)
        group_time.bookings.filter(starts_at__gte=local(today, datetime.min.time())).delete()
        taken = clashes(room, series.dates)
        free = [date_ for date_ in series.dates if date_ not in taken]
        Booking.objects.bulk_create(
            Booking(
                room=room,
                starts_at=start,
                ends_at=end,
                confirmed=True,
                group_time=group_time,
                public_title=group_time.group if group_time.public else "",
            )
            for start, end in free
        )
        skipped = sorted(series.skipped + skipped_entries(taken, "taken"), key=lambda entry: entry["date"])
        type(group_time).objects.filter(pk=group_time.pk).update(skipped=skipped)
    group_time.skipped = skipped
    return skipped


def week_start(day):
    return day - timedelta(days=day.weekday())


def parse_week(value, today):
    """The Monday of ?woche=2026-12-07 (any day of the week), today's week otherwise."""
    try:
        day = date.fromisoformat(value) if value else today
    except ValueError:
        day = today
    return week_start(day)
