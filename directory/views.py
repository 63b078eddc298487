"""The directory's public views, reached through DirectoryPage's routes.

Lists cost the same number of queries for 10 or 500 offers: one query per list plus
a count, related rows joined or prefetched, addresses built without queries.
"""

from urllib.parse import urlencode

from django.contrib.postgres.fields import ArrayField
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import BigAutoField, Case, Count, F, Func, IntegerField, Q, UUIDField, Value, When
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.search.utils import parse_query_string

from home.locales import localized_queryset, request_locales
from home.page_cache import request_generation
from home.pdf import pdf_response, render_pdf
from home.search import among, ranked_values
from home.visibility import published_in

from .forms import DirectoryFilterForm, EnquiryForm, make_timestamp
from .jsonld import offer_jsonld, provider_jsonld
from .models import (
    AREA_KINDS,
    TARGET_GROUP_FIELDS,
    Area,
    Category,
    Enquiry,
    Offer,
    PriceModel,
    Provider,
    ProviderKind,
)
from .ratelimit import enquiry_limited

PER_PAGE = 20
PER_SECTION = 6
# The Wegweiser, as a page made for paper and as a PDF.
PRINTABLE_TEMPLATE = "directory/printable_overview.html"
# A search that matches more than this is too broad to be ranked usefully anyway.
MAX_SEARCH_HITS = 300


def locales(request=None):
    """(active, default) locale, looked up once per request."""
    found = request_locales(request)
    return found.active, found.default


def categories_for_filters(request):
    """The categories in the reader's language: the directory's and the clubs' filters
    both offer them."""
    return list(localized_queryset(Category.objects.all(), locales(request)).order_by("sort_order", "name"))


def public_offers(request=None):
    return localized_queryset(Offer.objects.public(), locales(request))


def public_providers(request=None):
    return localized_queryset(Provider.objects.public(), locales(request))


def offers_for_list(queryset):
    return queryset.select_related("provider", "category").only(
        "id",
        "slug",
        "title",
        "summary",
        "price_model",
        "price_amount",
        "price_note",
        "area_served",
        "locale_id",
        "translation_key",
        *TARGET_GROUP_FIELDS.values(),
        "provider__id",
        "provider__name",
        "provider__slug",
        "provider__kind",
        "category__id",
        "category__name",
        "category__short_label",
    )


def search_keys(request, model, query):
    """translation_keys of the live objects matching the query, best first."""
    locale_ids = {locale.pk for locale in locales(request)}
    _filters, parsed = parse_query_string(query)
    hits = ranked_values(
        model.objects.filter(live=True, locale_id__in=locale_ids), parsed, "translation_key", MAX_SEARCH_HITS
    )
    # A translation and its original share the key: keep the better-ranked one.
    return list(dict.fromkeys(hits))


def _search_rank(keys):
    """The position of an offer's translation_key among the search hits, best first."""
    if connection.vendor == "postgresql":
        # One array parameter: a CASE with a branch per hit costs more to build and
        # compile in Django than the query takes in the database.
        position = Func(
            Value(keys, output_field=ArrayField(UUIDField())),
            F("translation_key"),
            function="array_position",
            output_field=IntegerField(),
        )
        return Coalesce(position, len(keys) + 1)
    ranking = [When(translation_key=key, then=rank) for rank, key in enumerate(keys)]
    return Case(*ranking, default=len(keys), output_field=IntegerField())


def filter_offers(request, queryset, filters, categories):
    """Apply the valid filters and the search word: returns (queryset, search), where
    search is the ranked matches of the filtered offers, or None without a search word."""
    if category_slug := filters.get("category"):
        category = next((c for c in categories if c.slug == category_slug), None)
        if category is not None:
            queryset = queryset.filter(category__translation_key=category.translation_key)
    if kind := filters.get("kind"):
        queryset = queryset.filter(provider__kind=kind)
    if group := filters.get("group"):
        queryset = queryset.filter(**{TARGET_GROUP_FIELDS[group]: True})
    if filters.get("free"):
        queryset = queryset.filter(price_model=PriceModel.FREE)
    if query := filters.get("q"):
        return queryset, OfferSearch(request, queryset, query)
    return queryset, None


def _with_urls(page, request, offers):
    """Attach the detail addresses once, without a query per offer."""
    base = page.base_url(request)
    for offer in offers:
        offer.detail_url = base + page.reverse_subpage("offer", args=[offer.slug])
        offer.provider.detail_url = base + page.reverse_subpage("provider", args=[offer.provider.slug])
    return offers


class OfferSearch:
    """The offers a search found, best first: those that match themselves, then those
    of matching providers. Read once, as the ids of each area.

    A search's filter (hundreds of matching keys) is the expensive part of its
    queries: counting each section and reading each section's first offers would
    repeat it three times. Here it runs once; sections count and slice the ids, and
    only the offers shown are loaded, by primary key."""

    def __init__(self, request, offers, query):
        self.ids_by_area, self.provider_keys = self._find(request, offers, query)

    @staticmethod
    def _find(request, offers, query):
        offer_keys = search_keys(request, Offer, query)
        provider_keys = search_keys(request, Provider, query)
        provider_ids = Provider.objects.filter(among("translation_key", provider_keys, UUIDField()))
        # Two queries, each on one indexed column of the offer, so that the database
        # looks the matches up instead of scanning every offer for either condition.
        # Every offer that matches itself ranks before those found only through their
        # provider, so the two lists join without comparing titles here.
        own = list(
            offers.filter(among("translation_key", offer_keys, UUIDField()))
            .annotate(rank=_search_rank(offer_keys))
            .order_by("rank", "title")
            .values_list("pk", "provider__kind")
        )
        found = {pk for pk, _kind in own}
        through_provider = (
            offers.filter(among("provider_id", provider_ids.values_list("pk", flat=True), BigAutoField()))
            .order_by("title")
            .values_list("pk", "provider__kind")
        )
        ranked = own + [(pk, kind) for pk, kind in through_provider if pk not in found]
        ids_by_area = {None: [pk for pk, _kind in ranked]}
        for area, kinds in AREA_KINDS.items():
            ids_by_area[area] = [pk for pk, kind in ranked if kind in kinds]
        return ids_by_area, provider_keys

    def ids(self, area=None):
        return self.ids_by_area[area]

    @staticmethod
    def load(ids):
        by_id = offers_for_list(Offer.objects.filter(pk__in=ids)).in_bulk()
        return [by_id[pk] for pk in ids if pk in by_id]

    def providers(self, request, page):
        """The first matching providers, for their own section above the offers."""
        matching = public_providers(request).filter(among("translation_key", self.provider_keys, UUIDField()))
        providers = list(matching.select_related("logo")[:PER_SECTION])
        base = page.base_url(request)
        for provider in providers:
            provider.detail_url = base + page.reverse_subpage("provider", args=[provider.slug])
        return providers


def _offers_of(request, provider):
    """The public offers of a provider, in the reader's language, for its cards."""
    return offers_for_list(public_offers(request).filter(provider__translation_key=provider.translation_key))


def _section_offers(request, page, offers, search, area, paginate):
    """(shown offers, paginator page or None, total) of one area's section."""
    if search is not None:
        ids = search.ids(area)
        if paginate:
            results = Paginator(ids, PER_PAGE).get_page(request.GET.get("page"))
            return _with_urls(page, request, search.load(list(results))), results, len(ids)
        return _with_urls(page, request, search.load(ids[:PER_SECTION])), None, len(ids)
    section_offers = offers.filter(provider__kind__in=AREA_KINDS[area])
    if paginate:
        results = Paginator(section_offers, PER_PAGE).get_page(request.GET.get("page"))
        return _with_urls(page, request, list(results)), results, results.paginator.count
    return _with_urls(page, request, list(section_offers[:PER_SECTION])), None, None


def offer_list(request, page, area):
    categories = categories_for_filters(request)
    kinds = ProviderKind.choices if area is None else [(k.value, k.label) for k in AREA_KINDS[area]]
    form = DirectoryFilterForm(request.GET or None, categories=categories, kinds=kinds)
    filters = form.filters if request.GET else {}
    offers, search = filter_offers(request, public_offers(request), filters, categories)
    offers = offers_for_list(offers)
    base = page.base_url(request)
    matching_providers = search.providers(request, page) if search else []

    sections = []
    areas = [area] if area else [Area.COMMUNITY, Area.BUSINESS]
    totals = {}
    if not area and search is None:
        # Both sections' totals in one pass over the offers instead of one count each:
        # counting every offer is the largest part of the overview's database time.
        totals = offers.order_by().aggregate(
            **{
                section_area.value: Count("pk", filter=Q(provider__kind__in=AREA_KINDS[section_area]))
                for section_area in areas
            }
        )
    for section_area in areas:
        items, results, total = _section_offers(request, page, offers, search, section_area, paginate=bool(area))
        total = totals.get(section_area.value, total)
        sections.append(
            {
                "area": section_area,
                "title": section_area.label,
                "intro": page.community_intro if section_area == Area.COMMUNITY else page.business_intro,
                "offers": items,
                "page": results,
                "total": total,
                "has_more": not area and total > PER_SECTION,
                "url": base + page.reverse_subpage(section_area.value),
            }
        )
    filter_query = request.GET.copy()
    filter_query.pop("page", None)
    return TemplateResponse(
        request,
        "directory/directory_page.html",
        {
            "page": page,
            "area": area,
            "area_title": area.label if area else None,
            "form": form,
            "filters": filters,
            "sections": sections,
            "matching_providers": matching_providers,
            "filter_querystring": filter_query.urlencode(),
            "all_url": base,
            "community_url": base + page.reverse_subpage("community"),
            "business_url": base + page.reverse_subpage("business"),
            "hsds_url": base + page.reverse_subpage("hsds_organizations"),
            "printable_url": base + page.reverse_subpage("printable"),
        },
    )


def _find(queryset, slug, route, page, request):
    """The object with this slug in the reader's language (or German); an address in
    another language leads to the translation's own address."""
    found = localized_queryset(queryset, locales(request)).filter(slug=slug).first()
    if found is not None:
        return found, None
    other = queryset.filter(slug=slug).first()
    if other is not None:
        translation = (
            localized_queryset(queryset, locales(request)).filter(translation_key=other.translation_key).first()
        )
        if translation is not None:
            return None, redirect(page.subpage_url(route, translation.slug, request=request))
    raise Http404


def provider_detail(request, page, slug):
    queryset = Provider.objects.public().select_related("logo")
    provider, redirection = _find(queryset, slug, "provider", page, request)
    if redirection:
        return redirection
    return _render_provider(request, page, provider, _with_urls(page, request, list(_offers_of(request, provider))))


def _render_provider(request, page, provider, offers):
    base = page.base_url(request)
    provider.detail_url = base + page.reverse_subpage("provider", args=[provider.slug])
    return TemplateResponse(
        request,
        "directory/provider_detail.html",
        {
            "page": page,
            "provider": provider,
            "offers": offers,
            "categories": list(provider.categories.all()),
            "tags": list(provider.tags.all()),
            "jsonld": provider_jsonld(request, provider, offers),
            "all_url": base,
            "home_url": _home_url(base),
        },
    )


def _home_url(base):
    # The directory lives right below the home page (parent_page_types), so the home
    # page's address is the directory's without its last segment.
    return base.rstrip("/").rsplit("/", 1)[0] + "/"


def _offer_queryset():
    return Offer.objects.public().select_related("provider", "provider__logo", "category")


def offer_detail(request, page, slug):
    offer, redirection = _find(_offer_queryset(), slug, "offer", page, request)
    if redirection:
        return redirection
    if request.method == "POST":
        if not offer.accepts_enquiries:
            return HttpResponseNotAllowed(["GET"])
        return _handle_enquiry(request, page, offer)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    form = EnquiryForm(initial={"started": make_timestamp()}) if offer.accepts_enquiries else None
    return _render_offer(request, page, offer, form)


def _render_offer(request, page, offer, form, status=200):
    base = page.base_url(request)
    offer.detail_url = base + page.reverse_subpage("offer", args=[offer.slug])
    offer.provider.detail_url = base + page.reverse_subpage("provider", args=[offer.provider.slug])
    other_offers = _with_urls(
        page, request, list(_offers_of(request, offer.provider).exclude(translation_key=offer.translation_key))
    )
    return TemplateResponse(
        request,
        "directory/offer_detail.html",
        {
            "page": page,
            "offer": offer,
            "provider": offer.provider,
            "other_offers": other_offers,
            "tags": list(offer.tags.all()),
            "form": form,
            "jsonld": offer_jsonld(request, offer),
            "all_url": base,
            "home_url": _home_url(base),
        },
        status=status,
    )


def _handle_enquiry(request, page, offer):
    form = EnquiryForm(request.POST)
    if not form.is_valid():
        return _render_offer(request, page, offer, form)
    thanks = page.subpage_url("enquiry_thanks", offer.slug, request=request)
    if form.is_spam:
        # Bots get the same answer as people, so that they learn nothing.
        return redirect(thanks)
    data = form.cleaned_data
    if enquiry_limited(request, data["email"], data["phone"]):
        form.add_error(
            None,
            _(
                "You have sent many enquiries in a short time. Please wait an hour, or call the "
                "contact person on site: the number is at the bottom of this page."
            ),
        )
        return _render_offer(request, page, offer, form, status=429)
    Enquiry.objects.create(
        offer=offer,
        page=page,
        offer_title=offer.title,
        provider_name=offer.provider.name,
        language=locales(request)[0].language_code,
        name=data["name"],
        email=data["email"],
        phone=data["phone"],
        message=data["message"],
        preferred_time=data["preferred_time"],
        consent=data["consent"],
    )
    return redirect(thanks)


def enquiry_thanks(request, page, slug):
    offer, redirection = _find(_offer_queryset(), slug, "offer", page, request)
    if redirection:
        return redirection
    offer.detail_url = page.subpage_url("offer", offer.slug, request=request)
    return TemplateResponse(
        request,
        "directory/enquiry_thanks.html",
        {"page": page, "offer": offer, "provider": offer.provider, "all_url": page.base_url(request)},
    )


def preview_context(request, provider=None, offer=None):
    """The context of a detail page for Wagtail's preview of an unsaved snippet."""
    from .models import DirectoryPage

    page = DirectoryPage.objects.live().first()
    if page is None:
        return {"provider": provider, "offer": offer, "preview_without_page": True}
    if offer is not None:
        response = _render_offer(request, page, offer, None)
    else:
        response = _render_provider(request, page, provider, [])
    return response.context_data


def site_search_section(request, query, limit=5):
    """The directory's part of the site-wide search: the best matching offers, with a
    link to the full, filterable result in the directory."""
    from .models import DirectoryPage

    directory = DirectoryPage.objects.live().filter(locale=locales(request)[0]).first()
    directory = directory or DirectoryPage.objects.live().first()
    if directory is None:
        return None
    search = OfferSearch(request, public_offers(request), query)
    ids = search.ids()
    if not ids:
        return None
    return {
        "heading": _("Offers in the directory"),
        "items": [
            {"title": offer.title, "url": offer.detail_url, "text": offer.summary, "source": offer.provider.name}
            for offer in _with_urls(directory, request, search.load(ids[:limit]))
        ],
        "total": len(ids),
        "more_url": f"{directory.get_url(request)}?{urlencode({'q': query})}",
    }


def printable_overview_pdf(request, page):
    """The Wegweiser as a PDF. Making it takes seconds for a large directory, so the
    file is a fragment of the shared cache, kept until the next change of content (the
    page cache's generation) or the next day, whatever the query string: repeated
    requests cannot keep the server busy. Per host, as its addresses are absolute."""
    today = timezone.localdate()
    key = f"quartier:wegweiser-pdf:{request_generation(request)}:{get_language()}:{request.get_host()}:{today}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_pdf(request, PRINTABLE_TEMPLATE, printable_overview_context(request, page))
        cache.set(key, pdf, timeout=24 * 60 * 60)
    return pdf_response(pdf, f"wegweiser-{today.isoformat()}.pdf")


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
        offer.print_url = request.build_absolute_uri(base + page.reverse_subpage("offer", args=[offer.slug]))
        category = category_keys.get(offer.category_key)
        by_category.setdefault(category, []).append(offer)
    offer_groups = [(category, by_category[category]) for category in categories if category in by_category]
    if None in by_category:
        offer_groups.append((None, by_category[None]))

    providers = list(public_providers(request).defer("description").order_by("name"))
    for provider in providers:
        provider.print_url = request.build_absolute_uri(base + page.reverse_subpage("provider", args=[provider.slug]))

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
