"""The directory's parts of sitemap.xml: every public provider and offer below each
directory page, in that page's language (untranslated entries in German), each part
one query however many entries there are. The areas and the Wegweiser are in the
routes part (core/sitemaps.py, `DirectoryPage.sitemap_routes`)."""

from django.db.models import Value

from wagtail.models import Locale

from core.locales import localized_queryset
from core.sitemaps import ValuesSitemap

from .models import DirectoryPage, Offer, Provider


class DirectorySitemapMixin:
    def directory_pages(self):
        """(address, locale) of each live, public directory page of the site."""
        if not hasattr(self, "_directory_pages"):
            roots = self.site_roots()
            rows = (
                DirectoryPage.objects.live()
                .public()
                .filter(roots.q())
                .order_by("path")
                .values_list("url_path", "locale_id")
            )
            # localized_queryset() needs only the locales' keys.
            self._directory_pages = [(roots.url(url_path), Locale(pk=locale_id)) for url_path, locale_id in rows]
        return self._directory_pages


class EntrySitemap(DirectorySitemapMixin, ValuesSitemap):
    model = None
    route = None

    def items(self):
        default = Locale.get_default()
        querysets = [
            localized_queryset(self.model.objects.public(), (locale, default))
            .annotate(base=Value(base))
            .values_list("base", "slug", "updated_at", "pk")
            for base, locale in self.directory_pages()
            if base
        ]
        if len(querysets) < 2:
            return querysets[0].order_by("slug", "pk") if querysets else []
        # One query for all directory pages, paginated in SQL.
        return querysets[0].union(*querysets[1:], all=True).order_by("base", "slug", "pk")

    def part_items(self, rows):
        routes = DirectoryPage()
        for base, slug, updated, _pk in rows:
            yield {"location": base + routes.reverse_subpage(self.route, args=[slug]), "lastmod": updated}


class ProviderSitemap(EntrySitemap):
    model = Provider
    route = "provider"


class OfferSitemap(EntrySitemap):
    model = Offer
    route = "offer"
