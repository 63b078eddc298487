"""Repetition rules on their own: the dates they produce, their words and their RRULE."""

from datetime import UTC, date, datetime, time, timedelta

from django.utils import translation

from news.recurrence import MAX_OCCURRENCES_PER_EVENT, Repeat, Rule, week_of_month
from tests.news.factories import BERLIN, berlin


def window(first_day, last_day):
    return berlin(first_day, 0), berlin(last_day + timedelta(days=1), 0)


def test_weekly_rule_keeps_the_wall_clock_time_across_daylight_saving():
    # Tuesdays around the switch to summer time (29 March 2026) and back (25 October 2026).
    rule = Rule(start=berlin(date(2026, 3, 17), 19), repeat=Repeat.WEEKLY)
    starts = rule.starts_between(*window(date(2026, 3, 17), date(2026, 11, 3)))
    assert {start.time() for start in starts} == {time(19, 0)}
    assert {start.weekday() for start in starts} == {1}
    utc_hours = {start.date(): start.astimezone(UTC).hour for start in starts}
    assert utc_hours[date(2026, 3, 24)] == 18  # winter time, UTC+1
    assert utc_hours[date(2026, 3, 31)] == 17  # summer time, UTC+2
    assert utc_hours[date(2026, 10, 20)] == 17
    assert utc_hours[date(2026, 10, 27)] == 18


def test_every_second_week():
    rule = Rule(start=berlin(date(2026, 1, 6), 10), repeat=Repeat.WEEKLY, interval=2)
    starts = rule.starts_between(*window(date(2026, 1, 1), date(2026, 2, 28)))
    assert [start.date() for start in starts] == [
        date(2026, 1, 6),
        date(2026, 1, 20),
        date(2026, 2, 3),
        date(2026, 2, 17),
    ]


def test_monthly_on_the_second_tuesday():
    rule = Rule(start=berlin(date(2026, 1, 13), 19), repeat=Repeat.MONTHLY_WEEKDAY)
    starts = rule.starts_between(*window(date(2026, 1, 1), date(2026, 12, 31)))
    assert len(starts) == 12
    for start in starts:
        assert start.weekday() == 1
        assert 8 <= start.day <= 14
        assert start.time() == time(19, 0)


def test_fifth_weekday_means_the_last_one_of_the_month():
    # 30 January 2026 is the fifth Friday; February has only four.
    assert week_of_month(date(2026, 1, 30)) == -1
    rule = Rule(start=berlin(date(2026, 1, 30), 18), repeat=Repeat.MONTHLY_WEEKDAY)
    starts = rule.starts_between(*window(date(2026, 1, 1), date(2026, 3, 31)))
    assert [start.date() for start in starts] == [date(2026, 1, 30), date(2026, 2, 27), date(2026, 3, 27)]


def test_monthly_on_a_day_skips_months_without_it():
    rule = Rule(start=berlin(date(2026, 1, 31), 17), repeat=Repeat.MONTHLY_DATE)
    starts = rule.starts_between(*window(date(2026, 1, 1), date(2026, 6, 30)))
    assert [start.date() for start in starts] == [date(2026, 1, 31), date(2026, 3, 31), date(2026, 5, 31)]


def test_count_and_until_end_the_repetition():
    counted = Rule(start=berlin(date(2026, 1, 6), 10), repeat=Repeat.WEEKLY, count=3)
    assert len(counted.starts_between(*window(date(2026, 1, 1), date(2026, 12, 31)))) == 3
    assert counted.last_start() == berlin(date(2026, 1, 20), 10)

    # The until date counts as a whole day, even for an evening event.
    until = Rule(start=berlin(date(2026, 1, 6), 20), repeat=Repeat.WEEKLY, until=date(2026, 1, 20))
    assert [start.date() for start in until.starts_between(*window(date(2026, 1, 1), date(2026, 12, 31)))] == [
        date(2026, 1, 6),
        date(2026, 1, 13),
        date(2026, 1, 20),
    ]
    assert until.last_start() == berlin(date(2026, 1, 20), 20)


def test_open_ended_rule_is_expanded_only_within_the_window():
    rule = Rule(start=berlin(date(2020, 1, 7), 15), repeat=Repeat.WEEKLY)
    assert rule.last_start() is None
    starts = rule.starts_between(*window(date(2026, 3, 1), date(2026, 3, 31)))
    assert [start.day for start in starts] == [3, 10, 17, 24, 31]


def test_a_huge_window_is_capped():
    rule = Rule(start=berlin(date(2020, 1, 7), 15), repeat=Repeat.WEEKLY)
    starts = rule.starts_between(berlin(date(2020, 1, 1)), datetime(9000, 1, 1, tzinfo=UTC))
    assert len(starts) == MAX_OCCURRENCES_PER_EVENT


def test_single_event_is_its_own_only_date():
    start = berlin(date(2026, 5, 1), 10)
    rule = Rule(start=start, repeat=Repeat.NONE)
    assert not rule.repeats
    assert rule.starts_between(*window(date(2026, 4, 1), date(2026, 5, 31))) == [start]
    assert rule.starts_between(*window(date(2026, 6, 1), date(2026, 6, 30))) == []
    assert rule.last_start() == start
    assert rule.as_ical() is None


def test_rule_as_rrule_value():
    rule = Rule(start=berlin(date(2026, 1, 13), 19), repeat=Repeat.MONTHLY_WEEKDAY, interval=2, until=date(2026, 7, 1))
    value = rule.as_ical()
    assert value["freq"] == "monthly"
    assert value["byday"] == ["+2TU"]
    assert value["interval"] == 2
    # RFC 5545: with a TZID start, UNTIL is in UTC; the whole last day counts (CEST, UTC+2).
    assert value["until"] == datetime(2026, 7, 1, 21, 59, 59, tzinfo=UTC)
    assert Rule(start=berlin(date(2026, 1, 15)), repeat=Repeat.MONTHLY_DATE, count=5).as_ical() == {
        "freq": "monthly",
        "bymonthday": [15],
        "count": 5,
    }


def test_rule_in_words():
    tuesday = berlin(date(2026, 1, 13), 19)
    with translation.override("de"):
        assert Rule(start=tuesday, repeat=Repeat.WEEKLY).describe() == "jeden Dienstag"
        assert Rule(start=tuesday, repeat=Repeat.WEEKLY, interval=2).describe() == "alle 2 Wochen am Dienstag"
        assert Rule(start=tuesday, repeat=Repeat.MONTHLY_WEEKDAY).describe() == "jeden 2. Dienstag im Monat"
        assert Rule(start=tuesday, repeat=Repeat.MONTHLY_DATE).describe() == "jeden Monat am 13."
        assert (
            Rule(start=berlin(date(2026, 1, 30)), repeat=Repeat.MONTHLY_WEEKDAY).describe()
            == "jeden letzten Freitag im Monat"
        )
    with translation.override("en"):
        assert Rule(start=tuesday, repeat=Repeat.MONTHLY_WEEKDAY).describe() == "every 2nd Tuesday of the month"


def test_rule_uses_the_zone_of_its_start():
    assert Rule(start=berlin(date(2026, 1, 13)), repeat=Repeat.WEEKLY).as_dateutil()._dtstart.tzinfo == BERLIN
