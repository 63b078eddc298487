"""Where a page address leads, remembered per generation in each process.

Wagtail finds the site by its host name (one query), then walks the tree from the
home page: for each segment of the path one query for the child and one for its
specific row. Only publishing, moving or deleting pages (or editing sites) changes
where an address leads, and each of them starts a new page-cache generation
(home/page_cache.py). So each process remembers, per generation, which page an address
reached and how many segments the tree walk consumed; the next request for it loads
that page in one query and lets the page route the rest itself, as Wagtail would have
(a routable page resolves its sub-address, a page checks it is live).

Wagtail keeps the results of both lookups on the request (`_wagtail_site`,
`_wagtail_route_for_request`, see Page.route_for_request), which is where this fills
them in, before Wagtail's serve view asks.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.http.request import split_domain_port
from django.utils.translation import get_language

from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from .page_cache import FRAGMENT_SECONDS, process_memo, request_generation


def _route_key(request, path):
    # The host as Wagtail reads it to find the site; the language because the tree walk
    # starts from the home page in the active language.
    hostname = split_domain_port(request._get_raw_host())[0]
    return ("route", hostname, request.get_port(), get_language(), path)


def _components(path):
    return [component for component in path.split("/") if component]


def _remembered_route(request, path, remembered):
    site, content_type_id, page_id, consumed = remembered
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = model._default_manager.filter(pk=page_id).first() if model else None
    if page is None:
        return False
    request._wagtail_site = site
    try:
        request._wagtail_route_for_request = page.route(request, _components(path)[consumed:])
    except Http404:
        request._wagtail_route_for_request = None
    return True


class RouteMemoMiddleware:
    """Fills in Wagtail's routing of a page request from this process's memo, or
    routes it and remembers the result. Touches only requests for Wagtail's serve view;
    addresses that lead nowhere are not remembered, so random paths cannot fill it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve:
            return None
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        current = request_generation(request)
        key = _route_key(request, path)
        remembered = process_memo.get(current, key)
        if remembered is not None and _remembered_route(request, path, remembered):
            return None
        route = Page.route_for_request(request, path)
        site = Site.find_for_request(request)
        if route is not None and site is not None:
            page = route[0]
            consumed = page.depth - site.root_page.depth
            process_memo.set(current, key, (site, page.content_type_id, page.pk, consumed), FRAGMENT_SECONDS)
        return None
