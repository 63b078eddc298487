"""Repetition of events as neighbourhood groups use it, and its expansion into dates.

The rules are the small subset of RFC 5545 that editors can set in the admin: weekly
(every N weeks), monthly on the same weekday ("every 2nd Tuesday") or on the same day
of the month, ending on a date, after a number of dates, or not at all. The same rule
is exported as RRULE in iCalendar files, so a phone calendar and the website always
show the same dates.

Expansion runs in local wall-clock time: a group that meets at 19:00 meets at 19:00 in
summer and in winter, although the offset to UTC changes. Every expansion is bounded by
a window and a maximum count, so an open-ended rule never means an unbounded loop.
"""

import itertools
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from dateutil import rrule

from django.db import models
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

# A weekly group that meets for ten years has about 520 dates; more is a typing error.
MAX_COUNT = 520
# No window asks for more dates of one event than this (a daily rule does not exist,
# so this is far above what a year of weekly meetings needs).
MAX_OCCURRENCES_PER_EVENT = 400

RRULE_WEEKDAYS = [rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU]
ICAL_WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


class Repeat(models.TextChoices):
    NONE = "", _("Does not repeat")
    WEEKLY = "weekly", _("Weekly on the same weekday")
    MONTHLY_WEEKDAY = "monthly_weekday", _("Monthly on the same weekday, e.g. every 2nd Tuesday")
    MONTHLY_DATE = "monthly_date", _("Monthly on the same day of the month, e.g. every 15th")


def week_of_month(day):
    """1 to 4 for the first to fourth weekday of its kind in the month; -1 for the fifth,
    which only some months have, so it is read as "the last"."""
    position = (day.day - 1) // 7 + 1
    return -1 if position == 5 else position


@dataclass(frozen=True)
class Rule:
    """A repetition, independent of the page model so that it can be tested and
    exported on its own. `start` is the first date's start in local time."""

    start: datetime
    repeat: str
    interval: int = 1
    until: date | None = None
    count: int | None = None

    @property
    def repeats(self):
        return self.repeat in {Repeat.WEEKLY, Repeat.MONTHLY_WEEKDAY, Repeat.MONTHLY_DATE}

    def as_dateutil(self):
        """The rule for dateutil, starting at `start` (aware, local time zone)."""
        if not self.repeats:
            return None
        kwargs = {"dtstart": self.start, "interval": max(1, self.interval or 1)}
        if self.until is not None:
            # The whole last day counts, in the event's own time zone.
            kwargs["until"] = datetime.combine(self.until, time.max, tzinfo=self.start.tzinfo)
        elif self.count:
            kwargs["count"] = min(self.count, MAX_COUNT)
        weekday = self.start.weekday()
        if self.repeat == Repeat.WEEKLY:
            return rrule.rrule(rrule.WEEKLY, byweekday=RRULE_WEEKDAYS[weekday], **kwargs)
        if self.repeat == Repeat.MONTHLY_WEEKDAY:
            return rrule.rrule(rrule.MONTHLY, byweekday=RRULE_WEEKDAYS[weekday](week_of_month(self.start)), **kwargs)
        return rrule.rrule(rrule.MONTHLY, bymonthday=self.start.day, **kwargs)

    def as_ical(self, utc_until=True):
        """The RRULE value for the icalendar library. RFC 5545 wants UNTIL in UTC when
        DTSTART has a time zone, and as a date when DTSTART is a date (all-day)."""
        if not self.repeats:
            return None
        weekday = ICAL_WEEKDAYS[self.start.weekday()]
        value = {"freq": "weekly" if self.repeat == Repeat.WEEKLY else "monthly"}
        if self.interval and self.interval > 1:
            value["interval"] = self.interval
        if self.repeat == Repeat.WEEKLY:
            value["byday"] = [weekday]
        elif self.repeat == Repeat.MONTHLY_WEEKDAY:
            value["byday"] = [f"{week_of_month(self.start):+d}{weekday}"]
        else:
            value["bymonthday"] = [self.start.day]
        if self.until is not None:
            if utc_until:
                last_moment = datetime.combine(self.until, time(23, 59, 59), tzinfo=self.start.tzinfo)
                value["until"] = last_moment.astimezone(UTC)
            else:
                value["until"] = self.until
        elif self.count:
            value["count"] = min(self.count, MAX_COUNT)
        return value

    def last_start(self):
        """The start of the last date, or None when the rule has no end."""
        rule = self.as_dateutil()
        if rule is None:
            return self.start
        if self.until is None and not self.count:
            return None
        last = None
        for last in itertools.islice(rule, MAX_COUNT):  # noqa: B007 - only the last one is wanted
            pass
        return last

    def starts_between(self, window_start, window_end, limit=MAX_OCCURRENCES_PER_EVENT):
        """Starts of the dates with window_start <= start < window_end, at most `limit`."""
        rule = self.as_dateutil()
        if rule is None:
            return [self.start] if window_start <= self.start < window_end else []
        starts = []
        for start in rule.xafter(window_start, count=limit, inc=True):
            if start >= window_end:
                break
            starts.append(start)
        return starts

    def describe(self):
        """The rule in words for residents, e.g. "every 2nd Tuesday of the month"."""
        if not self.repeats:
            return ""
        weekday = WEEKDAY_NAMES[self.start.weekday()]
        interval = max(1, self.interval or 1)
        if self.repeat == Repeat.WEEKLY:
            if interval == 1:
                text = gettext("every %(weekday)s") % {"weekday": weekday}
            else:
                text = ngettext(
                    "every %(count)d week on %(weekday)s",
                    "every %(count)d weeks on %(weekday)s",
                    interval,
                ) % {"count": interval, "weekday": weekday}
        elif self.repeat == Repeat.MONTHLY_WEEKDAY:
            position = week_of_month(self.start)
            ordinal = ORDINALS[position]
            if interval == 1:
                text = gettext("every %(ordinal)s %(weekday)s of the month") % {"ordinal": ordinal, "weekday": weekday}
            else:
                text = ngettext(
                    "every %(ordinal)s %(weekday)s of every %(count)d month",
                    "every %(ordinal)s %(weekday)s of every %(count)d months",
                    interval,
                ) % {"ordinal": ordinal, "weekday": weekday, "count": interval}
        elif interval == 1:
            text = gettext("every month on day %(day)d") % {"day": self.start.day}
        else:
            text = ngettext(
                "every %(count)d month on day %(day)d",
                "every %(count)d months on day %(day)d",
                interval,
            ) % {"count": interval, "day": self.start.day}
        return str(text)


# Lazy, so that they follow the language of the request.
WEEKDAY_NAMES = [
    pgettext_lazy("in a repetition: every ...", "Monday"),
    pgettext_lazy("in a repetition: every ...", "Tuesday"),
    pgettext_lazy("in a repetition: every ...", "Wednesday"),
    pgettext_lazy("in a repetition: every ...", "Thursday"),
    pgettext_lazy("in a repetition: every ...", "Friday"),
    pgettext_lazy("in a repetition: every ...", "Saturday"),
    pgettext_lazy("in a repetition: every ...", "Sunday"),
]

ORDINALS = {
    1: pgettext_lazy("in a repetition: every ... Tuesday of the month", "1st"),
    2: pgettext_lazy("in a repetition: every ... Tuesday of the month", "2nd"),
    3: pgettext_lazy("in a repetition: every ... Tuesday of the month", "3rd"),
    4: pgettext_lazy("in a repetition: every ... Tuesday of the month", "4th"),
    -1: pgettext_lazy("in a repetition: every ... Tuesday of the month", "last"),
}
