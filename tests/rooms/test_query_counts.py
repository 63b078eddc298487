"""The room's week and month, its feed, the door sheet and the house cost the same
number of queries with the demo's bookings or a hundred more."""

from datetime import time, timedelta

import pytest

from rooms import booking
from rooms.models import Booking
from tests.queries import count_fresh_queries

from .helpers import ROOM_URL, free_day, room

pytestmark = pytest.mark.django_db


def add_bookings(count):
    """`count` short bookings from a Monday on, around the times already taken (the
    database refuses an overlap on PostgreSQL)."""
    target = room()
    first = free_day(weekday=0)
    slots = [
        (
            booking.local(first + timedelta(days=day), time(8 + slot)),
            booking.local(first + timedelta(days=day), time(8 + slot, 45)),
        )
        for day in range(count)
        for slot in range(12)
    ]
    taken = set(booking.clashes(target, slots))
    free = [slot for slot in slots if slot not in taken][:count]
    Booking.objects.bulk_create(
        Booking(room=target, starts_at=start, ends_at=end, confirmed=bool(n % 2), public_title="Runde" * (n % 3 == 0))
        for n, (start, end) in enumerate(free)
    )


def test_query_counts_do_not_grow_with_the_bookings(client):
    monday = booking.week_start(free_day(weekday=0))
    paths = [
        f"{ROOM_URL}?woche={monday.isoformat()}",
        f"{ROOM_URL}monat/?monat={monday:%Y-%m}",
        f"{ROOM_URL}kalender/",
        f"{ROOM_URL}aushang/?woche={monday.isoformat()}",
        "/de/raeume/",
        "/de/raeume/nachbarschaftshaus-linde/",
    ]
    before = {path: count_fresh_queries(client, path) for path in paths}
    add_bookings(100)
    after = {path: count_fresh_queries(client, path) for path in paths}
    assert before == after
    assert max(after.values()) <= 25, after
