"""What is new, for the digests and for the automatic section of a new issue.

Each topic is one query per language over a time window, not one per subscriber: the
digest run asks once for everything newer than its oldest subscriber's last digest
and hands each subscriber the part that is newer than theirs."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone, translation

from wagtail.models import Locale

from core.addresses import absolute
from core.locales import in_reader_language, localized_queryset

from .models import LetterIssuePage, Topic

# A first issue, with no issue before it, looks back this far.
FIRST_ISSUE_LOOKS_BACK = timedelta(days=92)
# One digest holds at most this many items per topic, newest first, with a link to the rest.
ITEMS_PER_TOPIC = 10


@dataclass(frozen=True)
class Item:
    topic: str
    title: str
    text: str
    url: str
    published_at: datetime
    # The language of the item's text: German shown in another language's mail is
    # marked as such (lang/dir in the HTML).
    language: str
    # The translation key of its category (offers and swap posts), for subscribers who
    # chose categories.
    category: str = ""


def since_last_issue(now=None):
    """Pages published since the last sent issue (or in the last three months): news,
    then events, then clubs, each newest first, in the default language."""
    from clubs.models import ClubPage
    from news.models import EventPage, NewsPage

    now = now or timezone.now()
    last = LetterIssuePage.objects.filter(sent_at__isnull=False).order_by("-sent_at").first()
    since = last.sent_at if last else now - FIRST_ISSUE_LOOKS_BACK
    locale = Locale.get_default()
    pages = []
    for model in (NewsPage, EventPage, ClubPage):
        pages.extend(
            model.objects.live()
            .public()
            .filter(locale=locale, first_published_at__gt=since, first_published_at__lte=now)
            .order_by("-first_published_at")[:ITEMS_PER_TOPIC]
        )
    return pages


def _pages(model, topic, since, now, extra):
    pages = localized_queryset(
        model.objects.live().public().filter(extra, first_published_at__gt=since, first_published_at__lte=now)
    ).select_related("locale")
    return [
        Item(
            topic,
            page.title,
            page.teaser,
            absolute(page.url),
            page.first_published_at,
            page.locale.language_code,
        )
        for page in pages.order_by("-first_published_at")
    ]


def _news(since, now):
    from news.models import NewsPage

    return _pages(NewsPage, Topic.NEWS, since, now, Q(relevant_until__isnull=True) | Q(relevant_until__gte=now.date()))


def _events(since, now):
    from news.models import EventPage

    # Only what is still to come: a date that passed is no news.
    return _pages(EventPage, Topic.EVENTS, since, now, Q(start__gte=now) | Q(series_ends_at__gte=now))


def _offers(since, now):
    from clubs.models import ClubPage, VolunteerRole, current_roles
    from directory.models import DirectoryPage, Offer

    items = []
    directory = localized_queryset(DirectoryPage.objects.live()).first()
    if directory is not None:
        base = in_reader_language(directory.url)
        offers = localized_queryset(
            Offer.objects.public().filter(first_published_at__gt=since, first_published_at__lte=now)
        ).select_related("locale", "category")
        items += [
            Item(
                Topic.OFFERS,
                offer.title,
                offer.summary,
                absolute(base + directory.reverse_subpage("offer", args=[offer.slug])),
                offer.first_published_at,
                offer.locale.language_code,
                str(offer.category.translation_key) if offer.category else "",
            )
            for offer in offers.order_by("-first_published_at")
        ]
    clubs = ClubPage.objects.live().public()
    roles = VolunteerRole.objects.filter(
        current_roles(), page__in=clubs, created_at__gt=since, created_at__lte=now
    ).select_related("page", "page__locale")
    items += [
        Item(
            Topic.OFFERS,
            role.title,
            role.description,
            absolute(in_reader_language(role.page.url)),
            role.created_at,
            role.page.locale.language_code,
        )
        for role in roles.order_by("-created_at")
    ]
    return sorted(items, key=lambda item: item.published_at, reverse=True)


def _swap_posts(since, now):
    from exchange.kind import board_page
    from exchange.models import SwapPost

    board = board_page()
    if board is None:
        return []
    base = board.base_url_in(translation.get_language())
    posts = (
        SwapPost.objects.public(now).filter(published_at__gt=since, published_at__lte=now).select_related("category")
    )
    return [
        Item(
            Topic.SWAP,
            post.title,
            post.description,
            absolute(base + board.reverse_subpage("post", args=[post.pk])),
            post.published_at,
            post.language,
            str(post.category.translation_key) if post.category else "",
        )
        for post in posts.order_by("-published_at")
    ]


TOPICS = {Topic.NEWS: _news, Topic.EVENTS: _events, Topic.OFFERS: _offers, Topic.SWAP: _swap_posts}


def new_items(topics, language, since, now):
    """{topic: [Item, ...]} published in (since, now], in `language` where translated."""
    with translation.override(language):
        return {topic: TOPICS[topic](since, now) for topic in topics if topic in TOPICS}


def newer_than(items_by_topic, since, categories=()):
    """The part of `new_items()` one subscriber has not had yet, of their categories
    where they chose some for a topic."""
    chosen = {}
    for entry in categories:
        topic, _colon, key = entry.partition(":")
        chosen.setdefault(topic, set()).add(key)
    picked = {}
    for topic, items in items_by_topic.items():
        newer = [
            item
            for item in items
            if item.published_at > since and (topic not in chosen or item.category in chosen[topic])
        ]
        if newer:
            picked[topic] = newer
    return picked
