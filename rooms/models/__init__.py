"""Community houses, their rooms, and the times the rooms are taken.

Houses and rooms are translatable snippets. Whatever belongs to the place rather than
to its description (bookings, closure days, house rules versions, group times) hangs
on the German original (`canonical`), so that a translated room is the same room.

A `Booking` is one block of time in one room: held for a request that waits for its
approval, confirmed once approved, or placed by an editor for a group's fixed time.
Two blocks of one room never overlap (booking.py; on PostgreSQL also an exclusion
constraint, migrations/0002)."""

from .bookings import REPEAT_WEEKS, Booking, GroupTime, Repeat, RequesterKind, RoomRequest, new_feed_key
from .page import RoomsPage
from .places import WEEKDAYS, CanonicalMixin, Closure, FeeKind, House, HouseRulesVersion, Room

__all__ = [
    "REPEAT_WEEKS", "WEEKDAYS", "Booking", "CanonicalMixin", "Closure", "FeeKind", "GroupTime", "House",
    "HouseRulesVersion", "Repeat", "RequesterKind", "Room", "RoomRequest", "RoomsPage", "new_feed_key",
]  # fmt: skip
