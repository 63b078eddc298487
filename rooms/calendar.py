"""A public booking in the event calendar: an approved request open to the public
becomes a normal event page under the calendar, with its series and the dates left out
as exceptions, so that the calendar, its feeds and the structured data show it like
every other event."""

from datetime import date

from django.utils.html import escape, linebreaks
from django.utils.text import slugify

from news.models import EventException, EventPage
from news.proposals import calendar_page
from news.recurrence import Repeat as EventRepeat

from .models import REPEAT_WEEKS


def publish_event(room_request, user):
    calendar = calendar_page()
    if calendar is None:
        return
    room, house = room_request.room, room_request.room.house
    event = EventPage(
        title=room_request.title,
        slug=f"{slugify(room_request.title)[:60] or 'termin'}-{room_request.code.lower()}",
        teaser=room_request.purpose[:380],
        start=room_request.starts_at,
        end=room_request.ends_at,
        repeat=EventRepeat.WEEKLY if room_request.repeat else "",
        repeat_interval=REPEAT_WEEKS.get(room_request.repeat, 1),
        repeat_until=room_request.repeat_until if room_request.repeat else None,
        place_name=f"{house.name}, {room.name}",
        address=house.address,
        organiser_name=room_request.organiser,
        body=[("paragraph", linebreaks(escape(room_request.purpose)))],
    )
    event.exceptions = [EventException(date=date.fromisoformat(entry["date"])) for entry in room_request.skipped]
    calendar.add_child(instance=event)
    event.save_revision(user=user, log_action=True).publish(user=user)
    type(room_request).objects.filter(pk=room_request.pk).update(event_page=event)
    room_request.event_page = event


def unpublish_event(room_request):
    event = room_request.event_page
    if event is not None and event.live:
        event.unpublish()
