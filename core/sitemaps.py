"""sitemap.xml as an index of parts of at most PART_SIZE addresses each.

Wagtail's own sitemap loads every page as its specific model and asks each one for its
URL: with a few thousand news articles that took seconds. Here each part is one query
for plain values, and the addresses are computed from the page's url_path the way
Page.get_url_parts() does it: the site's root URL, the language prefix of the root
page the path lies under, and the rest of the path.
"""

from abc import ABCMeta, abstractmethod
from urllib.parse import quote

from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Q
from django.urls import reverse
from django.utils import translation

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site, get_page_models

# Search engines accept 50,000 addresses per file; smaller parts keep each response
# quick and small enough to be rendered uncached.
PART_SIZE = 1000

# What Django's reverse() leaves unquoted in a path, so that the addresses here are
# byte for byte the ones Page.get_url() returns.
_SAFE = "/~:@!$&'()*+,;="


class SiteRoots:
    """The site's root pages (one per language with Wagtail's i18n) as
    (root url_path, root URL with language prefix), in Wagtail's order of preference."""

    def __init__(self, site):
        self.roots = []
        for root in Site.get_site_root_paths():
            if root.site_id == site.pk:
                with translation.override(root.language_code):
                    prefix = reverse("wagtail_serve", args=("",))
                self.roots.append((root.root_path, root.root_url + prefix))

    def q(self, field="url_path"):
        """Pages below one of the roots (each root is its own language tree)."""
        condition = Q(pk__in=[])
        for root_path, _url in self.roots:
            condition |= Q(**{f"{field}__startswith": root_path})
        return condition

    def url(self, url_path):
        for root_path, root_url in self.roots:
            if url_path.startswith(root_path):
                return root_url + quote(url_path[len(root_path) :], safe=_SAFE)
        return None


class ValuesSitemap(Sitemap, metaclass=ABCMeta):
    """A section whose items already carry their address and last change: no query or
    URL resolution per item. A section says how its rows become addresses
    (part_items); there is no sensible default, so it is abstract."""

    limit = PART_SIZE

    def site_roots(self):
        if not hasattr(self, "_site_roots"):
            self._site_roots = SiteRoots(self.get_wagtail_site())
        return self._site_roots

    def get_latest_lastmod(self):
        # Django's default walks every item of the section for the index; the index
        # lists the parts without a date instead of loading every address.
        return None

    def _urls(self, page, protocol, domain):
        urls = [
            {"item": item, "location": item["location"], "lastmod": item["lastmod"]}
            for item in self.part_items(self.paginator.page(page).object_list)
        ]
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    @abstractmethod
    def part_items(self, rows):
        """The rows of one part as {"location", "lastmod"}."""


class PageSitemap(ValuesSitemap):
    """Every live, public page of the site, in all its languages."""

    def items(self):
        return (
            Page.objects.live()
            .public()
            .filter(self.site_roots().q())
            .order_by("path")
            .values_list("url_path", "last_published_at", "latest_revision_created_at")
        )

    def part_items(self, rows):
        roots = self.site_roots()
        for url_path, published, revised in rows:
            location = roots.url(url_path)
            if location:
                yield {"location": location, "lastmod": published or revised}


class RouteSitemap(ValuesSitemap):
    """The sub-pages of routable pages that are pages for a reader too (archives, the
    printable overview, the volunteering list): a page class names their routes in
    `sitemap_routes`. Sub-pages that only filter or export (feeds, ?tag=) are left out."""

    def items(self):
        models = [model for model in get_page_models() if getattr(model, "sitemap_routes", ())]
        if not models:
            return []
        model_of = {
            content_type.pk: model for model, content_type in ContentType.objects.get_for_models(*models).items()
        }
        rows = (
            Page.objects.live()
            .public()
            .filter(self.site_roots().q(), content_type_id__in=model_of)
            .order_by("path")
            .values_list("url_path", "content_type_id", "last_published_at")
        )
        return [
            (url_path, model_of[content_type_id], route, published)
            for url_path, content_type_id, published in rows
            for route in model_of[content_type_id].sitemap_routes
        ]

    def part_items(self, rows):
        roots = self.site_roots()
        for url_path, model, route, published in rows:
            base = roots.url(url_path)
            if base:
                yield {"location": base + model().reverse_subpage(route), "lastmod": published}


def index(request, sitemaps, **kwargs):
    return sitemap_views.index(request, _prepare(request, sitemaps), sitemap_url_name="sitemap_part", **kwargs)


def part(request, sitemaps, section, **kwargs):
    return sitemap_views.sitemap(request, _prepare(request, sitemaps), section=section, **kwargs)


def _prepare(request, sitemaps):
    return {name: sitemap_class(request) for name, sitemap_class in sitemaps.items()}
