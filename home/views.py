import re

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page
from wagtail.search.utils import parse_query_string

RESULTS_PER_PAGE = 10
# Longer queries are never typed by a person; cutting them bounds the work per request.
MAX_QUERY_LENGTH = 200
# NUL and other control characters break PostgreSQL's tsquery parser and mean nothing.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def clean_query(raw):
    return " ".join(CONTROL_CHARACTERS.sub(" ", raw).split())[:MAX_QUERY_LENGTH].strip()


def search(request):
    """Full-text search over the live, public pages in the reader's language."""
    query = clean_query(request.GET.get("q", ""))
    results_page = None
    if query:
        # Parsed rather than raw: quotes become phrases instead of reaching the
        # database's full-text syntax, where an unbalanced one is an error.
        _filters, parsed_query = parse_query_string(query)
        results = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .exclude(depth=1)
            .specific()
            .search(parsed_query)
        )
        results_page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))

    return TemplateResponse(
        request,
        "home/search.html",
        {
            "search_query": query,
            "search_results": results_page,
            "seo_title": _("Search"),
            # The page has its own search form; a second one in the header would repeat it.
            "hide_header_search": True,
        },
    )
