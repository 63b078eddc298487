"""The directory's lists: everything, or one area, with filters and search. Lists cost the
same number of queries for 10 or 500 offers: one query per list plus a count, related
rows joined or prefetched, addresses built without queries."""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.template.response import TemplateResponse

from ..forms import DirectoryFilterForm
from ..models import (
    AREA_KINDS,
    TARGET_GROUP_FIELDS,
    Area,
    PriceModel,
    ProviderKind,
)
from .queries import categories_for_filters, offers_for_list, public_offers, with_urls
from .search import OfferSearch

PER_PAGE = 20
PER_SECTION = 6


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


def _section_offers(request, page, offers, search, area, paginate):
    """(shown offers, paginator page or None, total) of one area's section."""
    if search is not None:
        ids = search.ids(area)
        if paginate:
            results = Paginator(ids, PER_PAGE).get_page(request.GET.get("page"))
            return with_urls(page, request, search.load(list(results))), results, len(ids)
        return with_urls(page, request, search.load(ids[:PER_SECTION])), None, len(ids)
    section_offers = offers.filter(provider__kind__in=AREA_KINDS[area])
    if paginate:
        results = Paginator(section_offers, PER_PAGE).get_page(request.GET.get("page"))
        return with_urls(page, request, list(results)), results, results.paginator.count
    return with_urls(page, request, list(section_offers[:PER_SECTION])), None, None


def offer_list(request, page, area):
    categories = categories_for_filters(request)
    kinds = ProviderKind.choices if area is None else [(k.value, k.label) for k in AREA_KINDS[area]]
    form = DirectoryFilterForm(request.GET or None, categories=categories, kinds=kinds)
    filters = form.filters if request.GET else {}
    offers, search = filter_offers(request, public_offers(request), filters, categories)
    offers = offers_for_list(offers)
    base = page.base_url(request)
    matching_providers = search.providers(page, PER_SECTION) if search else []

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
            "result_total": sum(section["total"] for section in sections),
            "matching_providers": matching_providers,
            # Offer and provider cards show why they matched ({% search_snippet %}).
            "search_terms": search.terms if search else None,
            "did_you_mean": search.did_you_mean if search else None,
            "filter_querystring": filter_query.urlencode(),
            "all_url": base,
            "community_url": base + page.reverse_subpage("community"),
            "business_url": base + page.reverse_subpage("business"),
            "hsds_url": base + page.reverse_subpage("hsds_organizations"),
            "printable_url": base + page.reverse_subpage("printable"),
        },
    )
