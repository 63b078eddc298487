"""What the rooms' mails and admin pages need of a request."""

from datetime import date

from django import template
from django.conf import settings
from django.utils import formats

from core.addresses import absolute

from ..booking import SKIP_REASONS
from ..kind import rooms_page
from ..models import RoomRequest

register = template.Library()


@register.filter
def room_request(contribution):
    """The request behind a contribution the life cycle passes on."""
    if isinstance(contribution, RoomRequest):
        return contribution
    return RoomRequest.objects.select_related("room__house", "rules_version").get(pk=contribution.pk)


@register.filter
def skipped_text(entry):
    """A date left out of a series, with why: "Do, 24.12.2026: public holiday (Heiligabend)"."""
    text = f"{formats.date_format(date.fromisoformat(entry['date']), 'D, d.m.Y')}: {SKIP_REASONS.get(entry['why'], '')}"
    return f"{text} ({entry['note']})" if entry.get("note") else text


@register.filter
def feed_link(item):
    page = rooms_page()
    return absolute(page.url + page.reverse_subpage("feed", args=[item.feed_key])) if page else ""


@register.simple_tag
def hold_hours():
    return settings.ROOMS_UNCONFIRMED_HOLD_HOURS
