"""The houses and rooms in public: the list, a house, a room's week and month, the
iCalendar feeds, the door sheet and the request form.

A room is found by the house's and its own slug in the reader's language (German when
untranslated); its bookings belong to the German original (`canonical`)."""

import calendar as month_calendar
import contextlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from icalendar import Calendar, Event

from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.addresses import absolute
from core.client_ip import client_ip
from core.locales import localized_queryset
from news.ical import PRODID, site_domain
from participation import lifecycle
from participation.models import State
from participation.views import resident_or_problem, resident_page_url, sender_of

from . import booking
from .forms import RoomRequestForm
from .models import GroupTime, House, Room, RoomRequest

# How far the month view and the feeds look ahead.
FEED_DAYS_BEHIND = 30
FEED_DAYS_AHEAD = 400


def _houses():
    return localized_queryset(House.objects.all())


def _house(slug):
    house = _houses().filter(slug=slug).first()
    if house is None:
        raise Http404
    return house


def _room(house_slug, room_slug):
    room = (
        localized_queryset(Room.objects.filter(house__slug=house_slug, slug=room_slug))
        .select_related("house", "image")
        .first()
    )
    if room is None:
        raise Http404
    return room


@dataclass
class Day:
    day: date
    closed: str = ""  # why the house is closed, or ""
    past: bool = False
    entries: list = field(default_factory=list)  # [(start, end, label, busy)]

    @property
    def is_free(self):
        return not self.closed and not any(busy for _start, _end, _label, busy in self.entries)


def label_of(entry):
    if not entry.confirmed:
        return _("Requested")
    return entry.public_title or _("Booked")


def days_of(room, first, count):
    """`count` days from `first`: per day the busy times and the free ones in between,
    within the house's hours. One query for the bookings, one for the closures."""
    house = room.house
    window_start = booking.local(first, datetime.min.time())
    window_end = booking.local(first + timedelta(days=count), datetime.min.time())
    taken = booking.busy(room.canonical, window_start, window_end)
    closures = list(house.canonical.closures.all())
    today = timezone.localdate()
    days = []
    for offset in range(count):
        day = first + timedelta(days=offset)
        entry = Day(day, past=day < today)
        holiday = booking.holiday(day)
        closure = next((c for c in closures if c.first_day <= day <= c.last_day), None)
        if holiday:
            entry.closed = _("Public holiday: %(name)s") % {"name": holiday}
        elif closure:
            entry.closed = closure.reason or _("The house is closed")
        elif not house.is_open_on(day):
            entry.closed = _("The house is closed")
        else:
            day_start, day_end = booking.local(day, house.opens_at), booking.local(day, house.closes_at)
            cursor = day_start
            for item in taken:
                if item.ends_at <= day_start or item.starts_at >= day_end:
                    continue
                if item.starts_at > cursor:
                    entry.entries.append((cursor, item.starts_at, _("free"), False))
                entry.entries.append((item.starts_at, item.ends_at, label_of(item), True))
                cursor = max(cursor, item.ends_at)
            if cursor < day_end:
                entry.entries.append((cursor, day_end, _("free"), False))
        days.append(entry)
    return days


def _room_context(page, room, request):
    return {
        "page": page,
        "room": room,
        "house": room.house,
        "room_url": page.room_url(room, request=request),
        "month_url": page.room_url(room, "month", request=request),
        "request_url": page.room_url(room, "request", request=request),
        "feed_url": absolute(page.room_url(room, "ical", request=request)),
        "sheet_url": page.room_url(room, "sheet", request=request),
        "house_url": page.base_url(request) + page.reverse_subpage("house", args=[room.house.slug]),
    }


def houses(request, page):
    houses = list(_houses().order_by("sort_order", "name"))
    rooms = (
        localized_queryset(Room.objects.filter(bookable=True)).select_related("house").order_by("sort_order", "name")
    )
    by_house = {}
    for room in rooms:
        by_house.setdefault(room.house.translation_key, []).append(room)
    for house in houses:
        house.room_list = by_house.get(house.translation_key, [])
        house.url = page.base_url(request) + page.reverse_subpage("house", args=[house.slug])
        for room in house.room_list:
            room.url = page.room_url(room, request=request)
    return TemplateResponse(request, "rooms/houses.html", {"page": page, "houses": houses})


def house(request, page, house):
    house = _house(house)
    rooms = list(
        localized_queryset(Room.objects.filter(house__translation_key=house.translation_key))
        .select_related("house", "image")
        .order_by("sort_order", "name")
    )
    for room in rooms:
        room.url = page.room_url(room, request=request)
    return TemplateResponse(
        request,
        "rooms/house.html",
        {"page": page, "house": house, "rooms": rooms, "rules": house.current_rules()},
    )


def shown_week(request, today):
    """The Monday of ?woche=, from this week to about a year ahead: the view is no trap
    for crawlers following "next week" for ever, and no date runs past the calendar."""
    monday = booking.parse_week(request.GET.get("woche", ""), today)
    return min(max(monday, booking.week_start(today)), booking.week_start(today + timedelta(days=FEED_DAYS_AHEAD)))


def room_week(request, page, house, room):
    room = _room(house, room)
    today = timezone.localdate()
    monday = shown_week(request, today)
    context = _room_context(page, room, request)
    context.update(
        days=days_of(room, monday, 7),
        monday=monday,
        sunday=monday + timedelta(days=6),
        previous_week=monday - timedelta(days=7) if monday > booking.week_start(today) else None,
        next_week=monday + timedelta(days=7)
        if monday + timedelta(days=7) <= today + timedelta(days=FEED_DAYS_AHEAD)
        else None,
    )
    return TemplateResponse(request, "rooms/room.html", context)


def parse_month(value, today):
    try:
        year, month = (int(part) for part in value.split("-"))
        return date(year, month, 1)
    except (ValueError, TypeError):
        return today.replace(day=1)


def room_month(request, page, house, room):
    room = _room(house, room)
    today = timezone.localdate()
    first = parse_month(request.GET.get("monat", ""), today)
    last_month = (today + timedelta(days=FEED_DAYS_AHEAD)).replace(day=1)
    first = min(max(first, today.replace(day=1)), last_month)
    length = month_calendar.monthrange(first.year, first.month)[1]
    days = {entry.day: entry for entry in days_of(room, first, length)}
    weeks = [
        [days.get(day) if day.month == first.month else None for day in week]
        for week in month_calendar.Calendar().monthdatescalendar(first.year, first.month)
    ]
    next_first = first + timedelta(days=length)
    previous_first = (first - timedelta(days=1)).replace(day=1)
    context = _room_context(page, room, request)
    context.update(
        weeks=weeks,
        weekdays=month_calendar.Calendar().monthdatescalendar(first.year, first.month)[0],
        first=first,
        next_month=next_first if next_first <= last_month else None,
        previous_month=previous_first if first > today.replace(day=1) else None,
    )
    return TemplateResponse(request, "rooms/month.html", context)


def door_sheet(request, page, house, room):
    """The week on paper, for the room's door: what is booked, and where to ask."""
    room = _room(house, room)
    monday = shown_week(request, timezone.localdate())
    context = _room_context(page, room, request)
    context.update(days=days_of(room, monday, 7), monday=monday, sunday=monday + timedelta(days=6))
    context["room_full_url"] = absolute(context["room_url"])
    return TemplateResponse(request, "rooms/door_sheet.html", context)


# iCalendar


def _calendar(request, name, bookings, location, summary):
    domain = site_domain(request)
    calendar = Calendar.new(prodid=PRODID, name=name, uid=f"rooms-{name}@{domain}")
    calendar.add("x-wr-timezone", str(timezone.get_default_timezone()))
    for item in bookings:
        calendar.add_component(
            Event.new(
                uid=f"booking-{item.pk}@{domain}",
                summary=summary(item),
                start=timezone.localtime(item.starts_at),
                end=timezone.localtime(item.ends_at),
                location=location(item),
                stamp=timezone.now(),
                status="CONFIRMED" if item.confirmed else "TENTATIVE",
            )
        )
    today = timezone.localdate()
    calendar.add_missing_timezones(first_date=date(today.year - 1, 1, 1), last_date=date(today.year + 2, 1, 1))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="belegung.ics"'
    return response


def _feed_window():
    now = timezone.now()
    return now - timedelta(days=FEED_DAYS_BEHIND), now + timedelta(days=FEED_DAYS_AHEAD)


def room_feed(request, page, house, room):
    """The room's busy times, as the week shows them: "booked" or a public title."""
    room = _room(house, room)
    start, end = _feed_window()
    place = f"{room.name}, {room.house.name}, {room.house.address}"
    return _calendar(
        request,
        f"{room.house.name}: {room.name}",
        booking.busy(room.canonical, start, end),
        location=lambda item: place,
        summary=label_of,
    )


def holder_feed(request, page, key):
    """A group's own dates: an approved request's or a fixed group time's, by the
    unguessable key the group was given (never the resident's private link, which
    expires)."""
    holder = (
        RoomRequest.objects.filter(feed_key=key, state__in=(State.PUBLISHED, State.EXPIRED)).first()
        or GroupTime.objects.filter(feed_key=key).first()
    )
    if holder is None:
        raise Http404
    start, end = _feed_window()
    bookings = holder.bookings.filter(starts_at__lt=end, ends_at__gt=start, confirmed=True).select_related(
        "room__house"
    )
    name = holder.title if isinstance(holder, RoomRequest) else holder.group
    return _calendar(
        request,
        name,
        bookings,
        location=lambda item: f"{item.room.name}, {item.room.house.name}, {item.room.house.address}",
        summary=lambda item: name,
    )


# The request


@never_cache
def request_room(request, page, house, room):
    room = _room(house, room)
    canonical = room.canonical
    rules = room.house.current_rules()
    if not room.bookable or rules is None:
        raise Http404
    token = request.POST.get("von") or request.GET.get("von") or ""
    resident, problem = resident_or_problem(token, request) if token else (None, None)
    if problem:
        return problem
    context = _room_context(page, room, request)
    context.update(rules=rules, rules_text=room.house.rules, token=token if resident else "")
    status = 200
    if request.method == "POST":
        form = RoomRequestForm(request.POST, room=room, rules=rules, known_resident=resident)
        if form.is_valid():
            answer = _store(request, page, room, canonical, rules, form, context)
            if answer is not None:
                return answer
            status = context.pop("status")
        else:
            status = 400
    elif request.method in ("GET", "HEAD"):
        form = RoomRequestForm(room=room, rules=rules, known_resident=resident, initial=_initial(request))
    else:
        return HttpResponseNotAllowed(["GET", "POST"])
    context["form"] = form
    return TemplateResponse(request, "rooms/request.html", context, status=status)


def _initial(request):
    """A free slot chosen in the week view arrives as ?tag=2026-12-08&von_uhr=14:00."""
    initial = {"repeat": "once"}
    with contextlib.suppress(ValueError):
        initial["day"] = date.fromisoformat(request.GET.get("tag", ""))
    return initial


def _store(request, page, room, canonical, rules, form, context):
    """Hold the dates and store the request, or say why not: the response, or None with
    the form's page to show again (context["status"])."""
    data = form.cleaned_data
    series = booking.plan(room.house, data["starts_at"], data["ends_at"], data["repeat"], data["repeat_until"])
    if not series.dates:
        context.update(status=409, closed_dates=series.skipped)
        return None
    taken = booking.clashes(canonical, series.dates)
    if taken and data["repeat"] and len(taken) < len(series.dates) and not data["despite_clashes"]:
        # Shown once; sending again means "book the other dates".
        form.data = form.data.copy()
        form.data["despite_clashes"] = "on"
        context.update(status=200, clashing_dates=taken)
        return None
    thanks_url = page.room_url(room, "thanks", request=request)
    club = data["requester_kind"] == "club"
    stored = {}

    def make_request(clashing):
        stored["request"] = RoomRequest.objects.create(
            resident=stored["resident"],
            language=get_language(),
            title=data["title"],
            room=canonical,
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            repeat=data["repeat"],
            repeat_until=data["repeat_until"] if data["repeat"] else None,
            purpose=data["purpose"],
            people=data["people"],
            public=data["public"],
            requester_kind=data["requester_kind"],
            organiser=data["organiser"],
            phone=data["phone"],
            rules_version=rules,
            rules_accepted_at=timezone.now(),
            fee_accepted=room.fee_for(club),
            skipped=sorted(series.skipped + booking.skipped_entries(clashing, "taken"), key=lambda e: e["date"]),
        )
        return {"request": stored["request"]}

    try:
        # One transaction with the resident's first address, so that a refusal leaves
        # nothing behind.
        with transaction.atomic():
            stored["resident"], refused = sender_of(request, form, thanks_url)
            if refused:
                return refused
            booking.hold(canonical, series.dates, make_owner=make_request, all_or_nothing=not data["repeat"])
    except booking.Taken:
        # The same form, sent again with another time, must store then.
        form.renew_timestamp()
        context.update(
            status=409,
            taken=True,
            suggestions=booking.free_slots(canonical, data["starts_at"], data["ends_at"]),
        )
        return None
    room_request, resident = stored["request"], stored["resident"]
    lifecycle.submit(
        room_request,
        str(form.fields["consent"].label),
        confirmed=form.known_resident is not None,
        ip=client_ip(request),
    )
    if form.known_resident is not None:
        return redirect(resident_page_url(resident) + f"#item-{room_request.pk}")
    return redirect(thanks_url)


def thanks(request, page, house, room):
    room = _room(house, room)
    context = _room_context(page, room, request)
    return TemplateResponse(request, "rooms/thanks.html", context)
