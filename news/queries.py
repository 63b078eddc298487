"""Queries shared by the index pages, the feeds and the home page.

Other apps (the home page) use the functions here instead of reaching into news
templates or models' internals.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils import timezone

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images import get_image_model

# Renditions the lists show; prefetched with the images so that a list costs the same
# number of queries for 10 and for 200 articles.
LIST_IMAGE_FILTER = "fill-480x270"


def local_today():
    return timezone.localdate()


def local_midnight(day):
    """The start of a day in the site's time zone, as an aware datetime."""
    return datetime.combine(day, time.min, tzinfo=timezone.get_default_timezone())


def in_locale(queryset, locale):
    """Pages in `locale`, plus default-language pages that have no live translation in
    it: the site shows an untranslated page in German, so its lists do too."""
    default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    if locale.language_code == default_language:
        return queryset.filter(locale=locale)
    translated = queryset.model.objects.live().filter(locale=locale).values("translation_key")
    return queryset.filter(
        Q(locale=locale) | (Q(locale__language_code=default_language) & ~Q(translation_key__in=translated))
    )


def with_list_images(queryset, image_field="image"):
    """Images and their list rendition in two queries, whatever the number of items."""
    images = get_image_model().objects.prefetch_renditions(LIST_IMAGE_FILTER)
    return queryset.prefetch_related(Prefetch(image_field, queryset=images))


def relevant_news_q(today=None):
    today = today or local_today()
    return Q(relevant_until__isnull=True) | Q(relevant_until__gte=today)


def latest_news(locale, limit=3):
    """The newest articles that are still relevant, for the home page."""
    from .models import NewsPage

    articles = in_locale(NewsPage.objects.live().public(), locale).filter(relevant_news_q())
    articles = with_list_images(articles.defer_streamfields().order_by("-date", "-pk"))
    return list(articles[:limit])


def upcoming_occurrences(locale, limit=5, days=60):
    """The next dates from the whole calendar, for the home page."""
    from .models import EventPage
    from .occurrences import expand

    now = timezone.now()
    window_end = local_midnight(local_today() + timedelta(days=days))
    events = EventPage.objects.live().public().in_window(now, window_end)
    return expand(in_locale(events, locale), now, window_end)[:limit]


def first_live(model, locale):
    """The first live page of a type in a locale (with the German fallback), e.g. the
    news index the home page links to."""
    return in_locale(model.objects.live().public(), locale).order_by("path").first()
