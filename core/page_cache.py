"""The page cache and its generation: two of the four cache concepts of
docs/architecture.md (the other two: fragments of the page frame, cached with Wagtail's
{% wagtailcache %} keyed by the generation, and the shared backend, Redis or the
database, configured in settings).

Rendered public pages are stored in Django's cache under a key that contains a
site-wide *generation* number. Every change residents can see (publishing,
unpublishing, moving or deleting a page, publishing a snippet, saving settings or
categories, a restore, an import) bumps the generation once its transaction has
committed; every process reads the number from the shared cache on its next request
and renders afresh.

Only what is the same for everybody is stored:
- GET requests without a query string (searches and filters are rendered per request,
  and random query strings cannot fill the cache),
- from visitors without a session or messages cookie (editors, logged-in users, people
  who just sent a form),
- 200 responses that set no cookie, did not use a CSRF token (forms) and are not marked
  private or uncacheable, outside the admin.
Pages that depend on the date (the calendar, the home page's next dates) are kept for
PAGE_CACHE_SECONDS at most.
"""

import hashlib
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.cache import get_max_age

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

GENERATION_KEY = "quartier:page-cache:generation"
# Paths that are never the same for everybody.
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/healthz", "/static/", "/media/")


def enabled():
    return settings.PAGE_CACHE_SECONDS > 0


def _fresh_generation():
    """A number no earlier generation had: taken from the clock, so that a generation
    key lost to a flush or an eviction never brings back pages stored under an earlier
    generation of the same number."""
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
    """generation(), read once per request: the page cache and every frame fragment of
    the request must agree on it."""
    value = getattr(request, "cache_generation", None)
    if value is None:
        value = request.cache_generation = generation()
    return value


def bump_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet (or evicted)
        cache.set(GENERATION_KEY, _fresh_generation(), timeout=None)


def invalidate(**kwargs):
    """Make every cached page and fragment stale, in every process that shares the
    cache, once the current transaction has committed.

    Never before: Wagtail approves a workflow step and the admin saves a snippet inside
    a transaction, and a reader who asked between an early bump and the commit would
    store the old page under the new generation. Outside a transaction the bump happens
    at once."""
    transaction.on_commit(bump_generation)


def context_processor(request):
    """{{ cache_generation }} for the key of every frame fragment."""
    return {"cache_generation": request_generation(request)}


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
# Snippets with drafts (providers, offers) send these.
published.connect(invalidate, dispatch_uid="quartier_page_cache_snippet_published")
unpublished.connect(invalidate, dispatch_uid="quartier_page_cache_snippet_unpublished")


# Models without drafts whose saves residents see at once: site settings, categories,
# link categories, images and their renditions on pages, redirects, locales, view
# restrictions.
INVALIDATING_APPS = {
    "home",
    "news",
    "directory",
    "clubs",
    "helpful_links",
    "participation",
    "exchange",
    "rooms",
    "wagtailcore",
    "wagtailimages",
    "wagtailredirects",
}
NOT_INVALIDATING_MODELS = {
    # Written on every enquiry, link check, revision or log entry; none is on a public page.
    "directory.enquiry",
    "helpful_links.linkcheck",
    # Residents and reports are never shown; a report that hides an item bumps itself.
    "participation.resident",
    "participation.report",
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
