"""One booking attempt in a process of its own, for tests/rooms/test_no_double_booking.py:
holds the room given on the command line from 14:00 to 16:00 on the given day and prints
"booked" or "taken". The check for clashes is slowed down, so that two of these overlap
for sure between the check and the booking."""

import os
import sys
import time
from datetime import date

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quartier.settings.test")
django.setup()

from datetime import time as clock  # noqa: E402

from rooms import booking  # noqa: E402
from rooms.models import Room  # noqa: E402

checked = booking.clashes


def slow_clashes(room, dates):
    found = checked(room, dates)
    time.sleep(0.5)
    return found


booking.clashes = slow_clashes

if __name__ == "__main__":
    room_pk, day, start_at = int(sys.argv[1]), date.fromisoformat(sys.argv[2]), float(sys.argv[3])
    room = Room.objects.get(pk=room_pk)
    time.sleep(max(0, start_at - time.time()))
    try:
        booking.hold(
            room, [(booking.local(day, clock(14)), booking.local(day, clock(16)))], make_owner=lambda taken: {}
        )
        print("booked")
    except booking.Taken:
        print("taken")
