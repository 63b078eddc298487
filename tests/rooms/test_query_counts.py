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
    target = room()
    first = free_day(weekday=0)
    Booking.objects.bulk_create(
        Booking(
            room=target,
            starts_at=booking.local(first + timedelta(days=day), time(8 + slot)),
            ends_at=booking.local(first + timedelta(days=day), time(8 + slot, 45)),
            confirmed=bool(slot % 2),
            public_title="Offene Runde" if slot % 3 == 0 else "",
        )
        for day in range(count // 10)
        for slot in range(10)
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
