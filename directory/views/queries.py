"""What the directory's views read: the reader's locales, the public offers and providers in
their language, offers lean enough for a list, and their addresses built without queries."""

from core.locales import localized_queryset, request_locales

from ..models import (
    TARGET_GROUP_FIELDS,
    Category,
    DirectoryPage,
    Offer,
    Provider,
)


def locales(request=None):
    """(active, default) locale, looked up once per request."""
    found = request_locales(request)
    return found.active, found.default


def categories_for_filters(request):
    """The categories in the reader's language: the directory's and the clubs' filters
    both offer them."""
    return list(localized_queryset(Category.objects.all(), locales(request)).order_by("sort_order", "name"))


def category_links(request):
    """(the directory's address, its categories as {"title", "url", "locale_id"}, each
    leading to the directory filtered by it), in the reader's language; (None, []) without
    a directory. The German directory page: base_url() puts the reader's language prefix
    on it, and an untranslated category keeps its German slug, which the filter knows."""
    directory = DirectoryPage.objects.live().public().filter(locale=request_locales(request).default).first()
    if directory is None:
        return None, []
    url = directory.base_url(request)
    return url, [
        {"title": category.name, "url": f"{url}?category={category.slug}", "locale_id": category.locale_id}
        for category in categories_for_filters(request)
    ]


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
        "provider__phone",
        "category__id",
        "category__name",
        "category__short_label",
    )


def with_urls(page, request, offers):
    """Attach the detail addresses once, without a query per offer."""
    base = page.base_url(request)
    for offer in offers:
        offer.detail_url = base + page.reverse_subpage("offer", args=[offer.slug])
        offer.provider.detail_url = base + page.reverse_subpage("provider", args=[offer.provider.slug])
    return offers


def offers_of(request, provider):
    """The public offers of a provider, in the reader's language, for its cards."""
    return offers_for_list(public_offers(request).filter(provider__translation_key=provider.translation_key))
