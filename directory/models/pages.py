"""The directory page that lists, filters and searches providers and offers, with their own addresses below it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import (
    Page,
)
from wagtail.search import index

from core.locales import in_reader_language
from core.words import StemmedSearch

from .providers import Area


class DirectoryPage(StemmedSearch, RoutablePageMixin, Page):
    """The directory residents browse: offers and providers, the two areas apart,
    filters and search, a page for every provider and offer, and the enquiry form.
    Routable, so that the snippets get readable addresses below this page."""

    # Sub-pages listed in sitemap.xml beside the page itself (core/sitemaps.py).
    sitemap_routes = ["community", "business", "printable"]

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    community_intro = models.TextField(_("introduction of the neighbourhood help area"), blank=True, max_length=400)
    business_intro = models.TextField(_("introduction of the business area"), blank=True, max_length=400)

    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("community_intro"),
        FieldPanel("business_intro"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("directory page")
        verbose_name_plural = _("directory pages")

    # The views live in views/ and printable.py; these routes only name the addresses. The path
    # segments are German because the site is: they are part of readable addresses.
    @path("", name="all")
    def all_offers(self, request):
        from ..views import lists

        return lists.offer_list(request, self, area=None)

    @path("nachbarschaftshilfe/", name="community")
    def community_offers(self, request):
        from ..views import lists

        return lists.offer_list(request, self, area=Area.COMMUNITY)

    @path("gewerbe/", name="business")
    def business_offers(self, request):
        from ..views import lists

        return lists.offer_list(request, self, area=Area.BUSINESS)

    @path("wegweiser/", name="printable")
    def printable_overview(self, request):
        from .. import printable

        return printable.printable_overview(request, self)

    @path("wegweiser/pdf/", name="printable_pdf")
    def printable_overview_pdf(self, request):
        from .. import printable

        return printable.printable_overview_pdf(request, self)

    @path("anbieter/<slug:slug>/", name="provider")
    def provider_detail(self, request, slug):
        from ..views import details

        return details.provider_detail(request, self, slug)

    @path("angebot/<slug:slug>/", name="offer")
    def offer_detail(self, request, slug):
        from ..views import details

        return details.offer_detail(request, self, slug)

    @path("angebot/<slug:slug>/danke/", name="enquiry_thanks")
    def enquiry_thanks(self, request, slug):
        from ..views import details

        return details.enquiry_thanks(request, self, slug)

    @path("offene-daten/hsds/organizations/", name="hsds_organizations")
    def hsds_organizations(self, request):
        from .. import export

        return export.organizations_view(request, self)

    @path("offene-daten/hsds/services/", name="hsds_services")
    def hsds_services(self, request):
        from .. import export

        return export.services_view(request, self)

    def base_url(self, request):
        """This page's address in the reader's language. An untranslated directory is
        served under every language prefix; its links keep the reader's prefix."""
        cached = getattr(request, "_directory_base_url", None)
        if cached is None:
            cached = in_reader_language(self.get_url(request))
            request._directory_base_url = cached
        return cached

    def subpage_url(self, name, *args, request=None):
        """The address of one of the routes above, e.g. ("offer", slug)."""
        return self.base_url(request) + self.reverse_subpage(name, args=args)
