"""iCalendar (RFC 5545) for one event, the whole calendar and a topic of it.

Written with the `icalendar` library rather than by hand: it folds lines, escapes
text, writes the VTIMEZONE for Europe/Berlin and formats RRULE/EXDATE correctly,
which phone calendars are strict about.

Each event is one VEVENT, a repeating one with its RRULE and EXDATEs, so that a
subscribed phone shows the same dates as the website. The UID comes from the page's
translation key and the site's domain: it stays the same when an editor changes the
title, the date or the page's place in the tree, so a subscriber's calendar updates
the entry instead of adding a second one.
"""

from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from icalendar import Calendar, Event, vDuration

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext

from wagtail.models import Site

from .queries import local_today

PRODID = "-//Quartier//Neighbourhood calendar//DE"
# How often a subscribed calendar should look for changes.
REFRESH_INTERVAL = timedelta(hours=6)
CONTENT_TYPE = "text/calendar; charset=utf-8"


def site_domain(request):
    """The site's host name, so that UIDs do not depend on the address a request
    happened to use."""
    return urlsplit(settings.BASE_URL).hostname


def event_uid(event, domain):
    return f"{event.translation_key}@{domain}"


def _description(event, url):
    lines = [event.teaser.strip()]
    if event.repetition_text:
        lines.append(event.repetition_text[:1].upper() + event.repetition_text[1:] + ".")
    if event.organiser:
        lines.append(gettext("Organiser: %(name)s") % {"name": event.organiser["name"]})
    if event.is_free:
        lines.append(gettext("Admission free"))
    elif event.price is not None:
        lines.append(gettext("Price: %(price)s euros") % {"price": number_format(event.price, 2)})
    if event.price_note:
        lines.append(event.price_note)
    if event.registration_required:
        lines.append(gettext("Registration required: %(how)s") % {"how": event.registration_info.strip()})
    if event.accessibility.strip():
        lines.append(gettext("Accessibility: %(notes)s") % {"notes": event.accessibility.strip()})
    lines.append(url)
    return "\n\n".join(line for line in lines if line)


def build_event(event, request, domain):
    url = event.get_full_url(request)
    component = Event.new(
        uid=event_uid(event, domain),
        summary=event.title,
        description=_description(event, url),
        location=event.location_text or None,
        url=url,
        stamp=event.last_published_at or timezone.now(),
        last_modified=event.last_published_at,
        # None, not [], for an event without tags: an empty list writes "CATEGORIES:".
        categories=[tag.name for tag in event.tag_list] or None,
    )
    start = event.local_start
    if event.all_day:
        component.start = start.date()
        # DTEND of an all-day event is the day after the last one (exclusive).
        component.end = start.date() + event.duration
    else:
        component.start = start
        if event.end:
            component.end = event.local_end
    rule = event.rule.as_ical(utc_until=not event.all_day)
    if rule:
        component.add("rrule", rule)
        exceptions = sorted(event.exception_dates)
        if exceptions:
            if event.all_day:
                component.add("exdate", exceptions)
            else:
                component.add(
                    "exdate", [datetime.combine(day, start.time(), tzinfo=start.tzinfo) for day in exceptions]
                )
    component.add("status", "CONFIRMED")
    return component


def build_calendar(request, events, name, uid, url=None):
    domain = site_domain(request)
    calendar = Calendar.new(
        prodid=PRODID,
        name=name,
        uid=uid,
        url=url,
        refresh_interval=REFRESH_INTERVAL,
        language=request.LANGUAGE_CODE if hasattr(request, "LANGUAGE_CODE") else None,
    )
    # Older clients (Outlook) read this instead of REFRESH-INTERVAL.
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    calendar.add("x-wr-timezone", str(timezone.get_default_timezone()))
    first_day = local_today()
    for event in events:
        calendar.add_component(build_event(event, request, domain))
        first_day = min(first_day, event.local_start.date())
    # The time zone's rules from the earliest event on, not from 1970: a shorter file
    # for phones that refresh it every few hours.
    calendar.add_missing_timezones(first_date=date(first_day.year, 1, 1), last_date=date(local_today().year + 10, 1, 1))
    return calendar


def _response(calendar, filename, attachment):
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def event_response(request, event):
    """One event as a file to open in the phone's calendar."""
    calendar = build_calendar(request, [event], name=event.title, uid=f"event-{event_uid(event, site_domain(request))}")
    return _response(calendar, f"{event.slug}.ics", attachment=True)


def calendar_response(request, calendar_page, events, tag=None):
    """The calendar (or one topic of it) to subscribe to."""
    from .models import EventException

    events = (
        events.defer_streamfields()
        .prefetch_related(Prefetch("exceptions", queryset=EventException.objects.order_by("date")), "tagged_items__tag")
        .order_by("start", "pk")
    )
    domain = site_domain(request)
    site = Site.find_for_request(request)
    name = (site.site_name if site else "") or calendar_page.title
    name = f"{name}: {calendar_page.title}"
    uid = f"calendar-{calendar_page.translation_key}@{domain}"
    if tag is not None:
        name = f"{name} – {tag.name}"
        uid = f"calendar-{calendar_page.translation_key}-{tag.slug}@{domain}"
    calendar = build_calendar(request, events, name=name, uid=uid, url=calendar_page.get_full_url(request))
    return _response(calendar, f"{calendar_page.slug}.ics", attachment=False)
