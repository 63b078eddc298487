"""Template tags of the news app: the home page's news and dates, and JSON-LD output.

The home page loads these tags instead of including news templates itself, so that
news keeps its queries and markup in one place.
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ..models import EventIndexPage, NewsIndexPage
from ..queries import first_live, latest_news, upcoming_occurrences

register = template.Library()

# What json.dumps leaves alone but must not appear raw inside a <script> element.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _locale(context):
    page = context.get("page")
    if page is not None and getattr(page, "locale_id", None):
        return page.locale
    from wagtail.models import Locale

    return Locale.get_active()


@register.inclusion_tag("news/includes/latest_news.html", takes_context=True)
def latest_news_section(context, limit=3):
    """The newest still-relevant articles, with a link to the news section."""
    locale = _locale(context)
    return {
        "request": context["request"],
        "articles": latest_news(locale, limit),
        "index_page": first_live(NewsIndexPage, locale),
    }


@register.inclusion_tag("news/includes/upcoming_events.html", takes_context=True)
def upcoming_events_section(context, limit=5):
    """The next dates of the calendar, with a link to it."""
    locale = _locale(context)
    return {
        "request": context["request"],
        "occurrences": upcoming_occurrences(locale, limit),
        "calendar_page": first_live(EventIndexPage, locale),
    }


@register.filter
def json_ld(data):
    """A <script type="application/ld+json"> element, safe against "</script>" in text."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308
