"""Template tags of the news app: the home page's news and dates, and JSON-LD output.

The home page loads these tags instead of including news templates itself, so that
news keeps its queries and markup in one place.
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.locales import request_locales

from ..queries import home_sections

register = template.Library()

# What json.dumps leaves alone but must not appear raw inside a <script> element.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _locale(context):
    locales = request_locales(context.get("request"))
    page = context.get("page")
    if page is not None and getattr(page, "locale_id", None) in locales.by_id:
        return locales.by_id[page.locale_id]
    return locales.active


@register.inclusion_tag("news/includes/home_sections.html", takes_context=True)
def home_news_and_events(context):
    """The newest still-relevant articles and the next dates of the calendar, each with
    a link to its section."""
    from ..models import EventIndexPage

    return {
        "request": context["request"],
        # The calendar comes as a plain page; its routes are the same for every calendar.
        "propose_path": EventIndexPage().reverse_subpage("propose"),
        **home_sections(_locale(context), context["request"]),
    }


@register.filter
def json_ld(data):
    """A <script type="application/ld+json"> element, safe against "</script>" in text."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308
