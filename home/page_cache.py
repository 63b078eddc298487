"""A full-page cache for anonymous visitors that stays correct across processes.

Rendered public pages are stored in Django's cache (Redis when REDIS_URL is set, so that
every app process shares them) under a key that contains a site-wide *generation*
number. Publishing, unpublishing, moving or deleting a page, publishing a directory
entry or saving the site settings bumps the generation: every process sees the new
number on its next request and renders afresh, so residents see a change at once and
no process can serve an outdated copy after a change made through another.

Only what is the same for everybody is cached:
- GET requests without a query string (searches and filters are never stored as pages,
  and random query strings cannot fill the cache; see search_memo below),
- from visitors without a session or messages cookie (editors, logged-in users, people
  who just sent a form),
- 200 responses that set no cookie, did not use a CSRF token (forms) and are not marked
  private or uncacheable, outside the admin.
Pages that depend on the date (the calendar, the home page's next dates) are kept for
PAGE_CACHE_SECONDS at most.
"""

import hashlib
import threading
import time
from collections import OrderedDict

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models.signals import post_delete, post_save
from django.utils.cache import get_max_age
from django.utils.functional import cached_property
from django.utils.translation import get_language

from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

GENERATION_KEY = "quartier:page-cache:generation"
# Paths that are never the same for everybody.
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/healthz", "/static/", "/media/")


def enabled():
    return settings.PAGE_CACHE_SECONDS > 0


def _fresh_generation():
    """A number no earlier generation had: taken from the clock, so that a generation
    key lost to a flush or an eviction never brings back pages stored, or values kept
    in a process, under an earlier generation of the same number."""
    return time.time_ns() // 1000


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        # add() so that two processes starting together agree on one number.
        cache.add(GENERATION_KEY, _fresh_generation(), timeout=None)
        value = cache.get(GENERATION_KEY)
        if value is None:  # a cache that keeps nothing (the dummy backend)
            value = _fresh_generation()
    return value


def request_generation(request):
    """generation(), read once per request: the header and footer fragments both need it."""
    value = getattr(request, "_quartier_generation", None)
    if value is None:
        value = request._quartier_generation = generation()
    return value


# Fragments are keyed by generation, so publishing replaces them; the limit only bounds
# what an edit made without Wagtail's signals (a shell, a raw import) leaves behind.
FRAGMENT_SECONDS = 3600


class ProcessMemo:
    """Values of the current generation kept in this process's memory.

    A value stored under a generation never changes: publishing starts a new
    generation, which empties the memo. So a process can keep what it read from the
    shared cache, or built, without asking Redis again on every request; only the
    generation itself is read once per request. Bounded, least recently used first out,
    and each value also by its own timeout, like the shared cache. Locked, for servers
    that run requests in threads (runserver, gthread workers)."""

    def __init__(self, max_entries):
        self.max_entries = max_entries
        self.generation = None
        self.values = OrderedDict()
        self.lock = threading.Lock()

    def get(self, generation, key):
        with self.lock:
            if generation != self.generation:
                self.values.clear()
                self.generation = generation
                return None
            entry = self.values.get(key)
            if entry is None:
                return None
            expires, value = entry
            if expires < time.monotonic():
                del self.values[key]
                return None
            self.values.move_to_end(key)
            return value

    def set(self, generation, key, value, timeout):
        with self.lock:
            if generation != self.generation:
                return  # built under a generation that has ended meanwhile
            self.values[key] = (time.monotonic() + timeout, value)
            self.values.move_to_end(key)
            if len(self.values) > self.max_entries:
                self.values.popitem(last=False)


# A few thousand small values: the frame of each page type and language, routes and
# translation links of the pages being read. The Wegweiser PDF (tens of KB) is the
# largest.
process_memo = ProcessMemo(max_entries=5000)
# What searches found, and their rendered results. A reader's words are part of these
# keys, so they are kept apart from everything else: in this process only, never in
# the shared cache (random words sent by a script would fill Redis for every process),
# and in a memo of their own, where they push out only other searches, never the frame
# or the lists. Residents ask the same few things again and again ("Arzt",
# "Fahrdienst"); the same words and filters find the same things until the next
# publication.
search_memo = ProcessMemo(max_entries=settings.SEARCH_MEMO_ENTRIES)


def remembered(request, key, build, timeout=FRAGMENT_SECONDS, memo=process_memo):
    """build() once per generation in this process: for values that are cheap to
    build but asked for on every request (locales, view restrictions), or that
    cannot be stored in a shared cache (model instances of this process). Without a
    request (a command, a mail, a feed built outside a view) build() runs fresh."""
    if request is None:
        return build()
    current = request_generation(request)
    value = memo.get(current, key)
    if value is None:
        value = build()
        memo.set(current, key, value, timeout)
    return value


def site_and_language(request):
    """What the page frame, the lists and the searches differ by besides their own
    parts: the site the request is for and the active language."""
    site = Site.find_for_request(request)
    return site.pk if site else None, get_language()


def remembered_search(request, name, *parts, build, timeout=FRAGMENT_SECONDS):
    """remembered() in the search memo, per site and language like site_fragment():
    for what a search finds or renders, with its words among the parts."""
    key = (name, *site_and_language(request), *parts)
    return remembered(request, key, build, timeout, memo=search_memo)


class RememberedCountPaginator(Paginator):
    """A Paginator whose count is remembered per generation under `count_key`: with
    the cards of a list kept ({% cachedfragment %}), counting is all the list would
    still ask of the database, and the count checks the page number before it becomes
    part of the cards' key. The key holds only checked values (a known topic, the
    period); None counts as Paginator does, for lists whose key would hold a reader's
    own words (an unknown topic). A search's count is kept with its words in the
    search memo: `count_key` then names what else it depends on, `search` the words."""

    def __init__(self, object_list, per_page, *, request, count_key, search=None, timeout=FRAGMENT_SECONDS):
        super().__init__(object_list, per_page)
        self.request = request
        self.count_key = count_key
        self.search = search
        self.timeout = timeout

    @cached_property
    def count(self):
        count_now = Paginator.count.func  # Django's own: .count() of a queryset, else len()
        if self.count_key is None:
            return count_now(self)
        if self.search:
            return remembered_search(
                self.request, *self.count_key, self.search, build=lambda: count_now(self), timeout=self.timeout
            )
        return remembered(self.request, self.count_key, lambda: count_now(self), self.timeout)


def cached_fragment(request, name, *parts, build, timeout=FRAGMENT_SECONDS):
    """build() once per generation and parts (site, language, ...): the navigation and
    footer of every page render, cached or not, need the same few queries' worth of
    data that only publishing changes. Kept in this process and shared with the others
    through the cache, so that an expensive value (the Wegweiser PDF) is built once."""
    key = ":".join(["quartier:fragment", str(request_generation(request)), name, *map(str, parts)])
    return remembered(request, key, lambda: cache.get_or_set(key, build, timeout=timeout), timeout)


def address_parts(request):
    """What absolute addresses in a fragment depend on: the scheme and host the reader
    used, which the page cache keys its pages by too. Part of the key of whatever
    holds absolute addresses (structured data, the sitemap, the Wegweiser PDF)."""
    return request.scheme, request.get_host()


def site_fragment(request, name, *parts, build, timeout=FRAGMENT_SECONDS):
    """cached_fragment() per site and language, which the page frame and the lists
    differ by."""
    return cached_fragment(request, name, *parts, *site_and_language(request), build=build, timeout=timeout)


def invalidate(**kwargs):
    """Make every cached page stale, in every process that shares the cache."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet (or evicted)
        cache.set(GENERATION_KEY, _fresh_generation(), timeout=None)


def _key(request, gen):
    raw = f"{request.scheme}://{request.get_host()}{request.path}"
    return f"quartier:page-cache:{gen}:{hashlib.sha256(raw.encode()).hexdigest()}"


def _cacheable_request(request):
    if not enabled() or request.method != "GET" or request.META.get("QUERY_STRING"):
        return False
    if request.path.startswith(EXCLUDED_PREFIXES):
        return False
    personal_cookies = set(request.COOKIES) - {settings.CSRF_COOKIE_NAME}
    return not personal_cookies


def _cacheable_response(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    uncacheable = any(word in cache_control for word in ("private", "no-cache", "no-store"))
    return not uncacheable and get_max_age(response) != 0


class PageCacheMiddleware:
    """Placed after the session and locale middleware and before everything that reads
    the user or renders: a hit skips the rest, a miss is stored on the way out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request, request_generation(request))
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if _cacheable_response(request, response):
            if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
                response.render()
            cache.set(key, response, timeout=settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response


# Invalidation. Page saves of drafts do not change what residents see; publishing does.
page_published.connect(invalidate, dispatch_uid="quartier_page_cache_published")
page_unpublished.connect(invalidate, dispatch_uid="quartier_page_cache_unpublished")
post_page_move.connect(invalidate, dispatch_uid="quartier_page_cache_moved")
# Directory providers and offers (snippets with drafts) send these.
published.connect(invalidate, dispatch_uid="quartier_page_cache_snippet_published")
unpublished.connect(invalidate, dispatch_uid="quartier_page_cache_snippet_unpublished")


# Models without drafts whose saves residents see at once: site settings, categories,
# link categories, images and their renditions on pages, redirects, locales.
INVALIDATING_APPS = {"home", "news", "directory", "helpful_links", "wagtailcore", "wagtailimages", "wagtailredirects"}
NOT_INVALIDATING_MODELS = {
    # Written on every enquiry, link check, revision or log entry; none is on a public page.
    "directory.enquiry",
    "helpful_links.linkcheck",
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.taskstate",
    "wagtailcore.workflowstate",
    "wagtailcore.pagelock",
    "wagtailcore.referenceindex",
    "wagtailimages.rendition",
}


def _invalidate_on_save(sender, instance, raw=False, **kwargs):
    if raw or isinstance(instance, Page):
        # Page saves are drafts until page_published; fixtures load raw.
        return
    if getattr(instance, "live", True) is False and hasattr(instance, "has_unpublished_changes"):
        return  # a draft of a snippet with drafts: published() follows when it goes live
    invalidate()


def _invalidate_on_delete(sender, instance, **kwargs):
    invalidate()


def connect_model_signals():
    """Listen to saves and deletes of the models residents see, each by its sender.

    A receiver without a sender would make Django load and signal every row of every
    bulk delete in the project (sessions, renditions, enquiries) instead of deleting
    them in one query; per model, only these pay for it. Called from HomeConfig.ready(),
    when every model is known."""
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label in INVALIDATING_APPS and label not in NOT_INVALIDATING_MODELS:
            post_save.connect(_invalidate_on_save, sender=model, dispatch_uid=f"quartier_page_cache_saved:{label}")
            post_delete.connect(
                _invalidate_on_delete, sender=model, dispatch_uid=f"quartier_page_cache_deleted:{label}"
            )
