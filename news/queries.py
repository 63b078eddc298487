"""Queries shared by the index pages, the feeds and the home page.

Other apps (the home page) use the functions here instead of reaching into news
templates or models' internals.
"""

import re
from datetime import datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from wagtail.images import get_image_model

from core.visibility import published_in

# Renditions the lists show; prefetched with the images so that a list costs the same
# number of queries for 10 and for 200 articles.
LIST_IMAGE_FILTER = "fill-480x270"


# NUL and other control characters mean nothing in a tag and break PostgreSQL queries.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def query_param(request, name, max_length=100):
    """A query-string value fit for a database lookup: stripped, without control
    characters, and no longer than any real value."""
    return CONTROL_CHARACTERS.sub("", request.GET.get(name, "")).strip()[:max_length]


def local_today():
    return timezone.localdate()


def local_midnight(day):
    """The start of a day in the site's time zone, as an aware datetime."""
    return datetime.combine(day, time.min, tzinfo=timezone.get_default_timezone())


def with_list_images(queryset, image_field="image"):
    """Images and their list rendition in two queries, whatever the number of items."""
    images = get_image_model().objects.prefetch_renditions(LIST_IMAGE_FILTER)
    return queryset.prefetch_related(Prefetch(image_field, queryset=images))


def relevant_news_q(today=None):
    today = today or local_today()
    return Q(relevant_until__isnull=True) | Q(relevant_until__gte=today)


def home_sections(locale, request=None, news_limit=3, event_limit=5, event_days=60):
    """The home page's newest relevant articles and next dates, with the news index and
    the calendar to link to, in a fixed number of queries however much content exists."""
    from wagtail.models import Page

    from .models import EventIndexPage, EventPage, NewsIndexPage, NewsPage
    from .occurrences import dates_in_window

    articles = published_in(NewsPage.objects, locale, request).filter(relevant_news_q())
    articles = with_list_images(articles.defer_streamfields().order_by("-date", "-pk"))

    now = timezone.now()
    window_end = local_midnight(local_today() + timedelta(days=event_days))
    events = published_in(EventPage.objects.in_window(now, window_end), locale, request)

    index_types = {
        ContentType.objects.get_for_model(NewsIndexPage).pk: "news_index",
        ContentType.objects.get_for_model(EventIndexPage).pk: "calendar",
    }
    indexes = published_in(Page.objects.filter(content_type__in=index_types), locale, request)
    sections = {"news_index": None, "calendar": None}
    for page in indexes.order_by("path"):
        key = index_types[page.content_type_id]
        sections[key] = sections[key] or page

    return {
        "articles": list(articles[:news_limit]),
        "occurrences": dates_in_window(events, now, window_end)[:event_limit],
        **sections,
    }


def tags_of(page):
    """The page's tags, looked up once per page object: the article, its structured data
    and its Open Graph tags all ask. Uses the prefetched relation in lists and the
    in-memory one in previews; otherwise one query with the tags joined."""
    cached = page.__dict__.get("_tag_list")
    if cached is None:
        items = page.tagged_items.all()
        prefetched = "tagged_items" in getattr(page, "_prefetched_objects_cache", {})
        if not prefetched and isinstance(items, QuerySet):
            items = items.select_related("tag")
        cached = page.__dict__["_tag_list"] = [item.tag for item in items]
    return cached
