import logging

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.models import Page

from core.forms import clean_query
from core.locales import request_locales
from core.search import MAX_SEARCH_HITS, ranked_values, read_query
from core.snippets import query_terms

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
# A found page's snippet is cut from these, those its type has.
SNIPPET_SOURCES = ("search_description", "intro", "teaser", "summary")


def search(request):
    """Full-text search over the live, public pages in the reader's language."""
    query = clean_query(request.GET.get("q", ""))
    results_page = None
    other_sections = []
    parsed_query = None
    ways_on = []
    terms = None
    if query:
        parsed_query = read_query(query)
        terms = query_terms(parsed_query)
        other_sections = _other_sections(request, query, parsed_query)
        pages = Page.objects.live().public().filter(locale=request_locales(request).active).exclude(depth=1)
        # The ranked ids once, then the pages of one result page: a paginated queryset
        # would search twice, to count and to slice.
        hits = ranked_values(pages, parsed_query, "pk", MAX_SEARCH_HITS)
        results_page = Paginator(hits, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        by_pk = Page.objects.filter(pk__in=results_page.object_list).specific().in_bulk()
        results_page.object_list = [by_pk[pk] for pk in results_page.object_list if pk in by_pk]
        for page in results_page.object_list:
            # Read here, not in the template: there each name a page type lacks costs
            # Django a dir() of the page, two milliseconds of a search on the demo.
            page.snippet_texts = [getattr(page, name, "") for name in SNIPPET_SOURCES]
        if not other_sections and not results_page.paginator.count:
            ways_on = _ways_on(request)

    return TemplateResponse(
        request,
        "core/search.html",
        {
            "search_query": query,
            "search_results": results_page,
            "other_sections": other_sections,
            "did_you_mean": getattr(parsed_query, "did_you_mean", None),
            "ways_on": ways_on,
            # For the snippets of every result, the sections' too ({% search_snippet %}).
            "search_terms": terms,
            "seo_title": _("Search"),
            # The page has its own search form; a second one in the header would repeat it.
            "hide_header_search": True,
        },
    )


def _other_sections(request, query, parsed_query):
    """What other apps find that is not a page (offers, providers), through this hook,
    given the query as typed and as read (core.search.read_query, read once a request):
    each returns a section {"heading", "items", "total", "more_url"} or None; an item may
    name its "language" or "locale_id", so that German shown on another language's page
    is marked as such."""
    sections = (source(request, query, parsed_query) for source in hooks.get_hooks("quartier_site_search"))
    return [section for section in sections if section]


def _ways_on(request):
    """Where to go when the search found nothing at all, so that it is no dead end:
    each app registered with this hook returns {"heading", "links"} or None; a link is
    {"title", "url"} and may name its "language" or "locale_id" like a section's item."""
    sections = (source(request) for source in hooks.get_hooks("quartier_search_nothing_found"))
    return [section for section in sections if section]


def health(request):
    """For the proxy and monitoring: can this process reach its database and cache?
    Answers only "ok"/"unavailable" per part, never error details."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except DatabaseError:
        logger.exception("Health check: database unreachable")
        checks["database"] = "unavailable"
    try:
        cache.set("health-check", "ok", 10)
        checks["cache"] = "ok" if cache.get("health-check") == "ok" else "unavailable"
    except Exception:  # the Redis client raises its own connection errors
        logger.exception("Health check: cache unreachable")
        checks["cache"] = "unavailable"
    healthy = all(state == "ok" for state in checks.values())
    response = JsonResponse({"status": "ok" if healthy else "unavailable", **checks}, status=200 if healthy else 503)
    response["Cache-Control"] = "no-store"
    return response


def print_origin_css(request):
    """The site's origin as a CSS variable, for the printed addresses after internal
    links (quartier.css, print). CSS cannot know the host, and an inline style with it
    would break the Content Security Policy (no inline styles), so base.html links this
    small stylesheet instead."""
    # Escaped although it is our own setting: the string must stay closed.
    origin = settings.BASE_URL
    origin = origin.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "")
    response = HttpResponse(f':root {{ --print-origin: "{origin}"; }}\n', content_type="text/css; charset=utf-8")
    patch_cache_control(response, public=True, max_age=24 * 60 * 60)
    return response
