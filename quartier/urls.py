from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from django.views.static import serve

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import sitemaps
from core import views as home_views
from directory.sitemaps import OfferSitemap, ProviderSitemap
from directory.welcome import WelcomeView

SITEMAPS = {
    "pages": sitemaps.PageSitemap,
    "routes": sitemaps.RouteSitemap,
    "providers": ProviderSitemap,
    "offers": OfferSitemap,
}

# Language-neutral URLs: the admin, documents, sitemap, robots.txt and the print origin.
urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Before the admin's own addresses: an invitation's first password, then logged in.
    path("admin/willkommen/<uidb64>/<token>/", WelcomeView.as_view(), name="welcome"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemaps.index, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("sitemap-<section>.xml", sitemaps.part, {"sitemaps": SITEMAPS}, name="sitemap_part"),
    path("healthz", home_views.health, name="health"),
    path("print-origin.css", home_views.print_origin_css, name="print_origin_css"),
    path(
        "robots.txt",
        TemplateView.as_view(
            template_name="robots.txt", content_type="text/plain", extra_context={"base_url": settings.BASE_URL}
        ),
        name="robots_txt",
    ),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

# Pages and search carry the language in the path (/de/, /en/, ...) so that each
# language version has its own URL for search engines and bookmarks.
urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("", include("participation.urls")),
    path("", include("letters.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
