import re
import time
from datetime import date, timedelta

from django.utils import timezone

from core.forms import make_timestamp
from rooms import booking
from rooms.models import Room

HOUSE = "nachbarschaftshaus-linde"
ROOM = "gruppenraum"  # for 16 people, free of charge; the Deutsch-Café meets on Tuesdays 10-12
ROOM_URL = f"/de/raeume/{HOUSE}/{ROOM}/"
REQUEST_URL = ROOM_URL + "anfragen/"


def room():
    return Room.objects.get(house__slug=HOUSE, slug=ROOM, locale__language_code="de")


def free_day(weekday=2, weeks_ahead=3):
    """A date with this weekday some weeks ahead that is no public holiday."""
    day = timezone.localdate() + timedelta(weeks=weeks_ahead)
    day += timedelta(days=(weekday - day.weekday()) % 7)
    while booking.holiday(day):
        day += timedelta(weeks=1)
    return day


def request_data(**overrides):
    """A valid request for the group room, as if the form had been open for a minute."""
    data = {
        "title": "Strickgruppe",
        "day": free_day().isoformat(),
        "start_time": "14:00",
        "end_time": "16:00",
        "repeat": "once",
        "repeat_until": "",
        "people": "8",
        "purpose": "Wir stricken zusammen und trinken Tee.",
        "requester_kind": "club",
        "organiser": "Strickgruppe Lindenkiez",
        "phone": "030 123456",
        "accept_rules": "on",
        "accept_fee": "on",
        "email": "grete@example.org",
        "consent": "on",
        "website": "",
        "started": make_timestamp(time.time() - 60),
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def links(message):
    return re.findall(r"https?://\S+", message.get_content())


def path_of(url):
    return "/" + url.split("/", 3)[3]


def as_date(value):
    return value if isinstance(value, date) else date.fromisoformat(value)


def lone_holiday():
    """A public holiday on a day the group room's house is open, with no other holiday
    one or two weeks before or after it: a weekly series meets exactly this one."""
    today = timezone.localdate()
    for offset in range(21, 400):
        day = today + timedelta(days=offset)
        neighbours = [day + timedelta(weeks=weeks) for weeks in (-2, -1, 1, 2)]
        if booking.holiday(day) and day.weekday() < 6 and not any(booking.holiday(n) for n in neighbours):
            return day
    raise AssertionError("no lone public holiday in the next year")
