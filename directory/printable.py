"""The printable "Wegweiser": the whole directory and the helpful links on one page made
for paper, and as a PDF."""

from django.db.models import F
from django.template.response import TemplateResponse
from django.utils import timezone

from core.addresses import absolute
from core.pdf import cached_pdf_response
from core.visibility import published_in

from .views.queries import categories_for_filters, locales, offers_for_list, public_offers, public_providers

# The Wegweiser, as a page made for paper and as a PDF.
PRINTABLE_TEMPLATE = "directory/printable_overview.html"


def printable_overview_pdf(request, page):
    """The Wegweiser as a PDF: seconds to make for a large directory, so it is cached."""
    return cached_pdf_response(
        request, "wegweiser", PRINTABLE_TEMPLATE, lambda: printable_overview_context(request, page)
    )


def printable_overview(request, page):
    return TemplateResponse(request, PRINTABLE_TEMPLATE, printable_overview_context(request, page))


def printable_overview_context(request, page):
    """The "Wegweiser": every public offer by category, every public provider, and the
    helpful links by category, on one page made for paper. A fixed number of queries
    however long the directory is."""
    from helpful_links.models import HelpfulLink, HelpfulLinksPage, group_by_category, visible_links

    base = page.base_url(request)
    categories = categories_for_filters(request)
    # An offer's category may be the German original while the list shows its
    # translation: match on the translation key, which both share.
    offers = list(
        offers_for_list(public_offers(request)).annotate(category_key=F("category__translation_key")).order_by("title")
    )
    by_category = {}
    category_keys = {category.translation_key: category for category in categories}
    for offer in offers:
        # Paper has no links: the whole address is printed.
        offer.print_url = absolute(base + page.reverse_subpage("offer", args=[offer.slug]))
        category = category_keys.get(offer.category_key)
        by_category.setdefault(category, []).append(offer)
    offer_groups = [(category, by_category[category]) for category in categories if category in by_category]
    if None in by_category:
        offer_groups.append((None, by_category[None]))

    providers = list(public_providers(request).defer("description").order_by("name"))
    for provider in providers:
        provider.print_url = absolute(base + page.reverse_subpage("provider", args=[provider.slug]))

    link_pages = published_in(HelpfulLinksPage.objects, locales(request)[0], request)
    links = HelpfulLink.objects.filter(page__in=link_pages).select_related("category").order_by("page_id", "sort_order")
    return {
        "page": page,
        "offer_groups": offer_groups,
        "providers": providers,
        "link_groups": group_by_category(visible_links(links)),
        "directory_url": base,
        "printed_on": timezone.localdate(),
        "pdf_url": base + page.reverse_subpage("printable_pdf"),
    }
