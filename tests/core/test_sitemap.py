"""sitemap.xml: an index of parts, each listing its addresses in a fixed number of
queries, together listing every public page, provider and offer exactly once."""

from urllib.parse import urlsplit

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Page, Site

from clubs.models import ClubIndexPage
from core.locales import localized_queryset
from core.sitemaps import ValuesSitemap
from directory.models import DirectoryPage, Offer, Provider
from exchange.models import SwapBoardPage
from news.models import EventIndexPage, NewsIndexPage
from tests.directory.factories import OfferFactory
from tests.news.factories import NewsPageFactory
from tests.sitemaps import part_addresses, part_locations, sitemap_locations


def page_routes(page):
    return {
        NewsIndexPage: ["archive"],
        EventIndexPage: ["archive"],
        ClubIndexPage: ["volunteering"],
        DirectoryPage: ["community", "business", "printable"],
        SwapBoardPage: ["sheet"],
    }.get(type(page), [])


def expected_locations():
    """What Wagtail's own URL methods say each public address is."""
    site = Site.objects.get(is_default_site=True)
    expected = []
    for root in site.root_page.get_translations(inclusive=True):
        for page in root.get_descendants(inclusive=True).live().public().specific():
            expected.append(page.get_full_url())
            # Archives, the directory's areas and Wegweiser, the volunteering list.
            expected += [page.get_full_url() + page.reverse_subpage(route) for route in page_routes(page)]
    for directory in DirectoryPage.objects.live().public():
        base = directory.get_full_url()
        locales = (directory.locale, Locale.get_default())
        for route, queryset in (("provider", Provider.objects.public()), ("offer", Offer.objects.public())):
            for slug in localized_queryset(queryset, locales).values_list("slug", flat=True):
                expected.append(base + directory.reverse_subpage(route, args=[slug]))
    return expected


def add_content(count):
    news_index = NewsIndexPage.objects.get(locale__language_code="de")
    for _ in range(count):
        NewsPageFactory(parent=news_index)
        OfferFactory()


@pytest.fixture
def small_parts(monkeypatch):
    # Several parts per section with a handful of entries, as with thousands in production.
    monkeypatch.setattr(ValuesSitemap, "limit", 7)


@pytest.mark.django_db
def test_every_public_address_is_listed_exactly_once(client, small_parts, home_page):
    english = home_page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    add_content(10)
    hidden = OfferFactory(slug="verborgen", live=False)
    draft = NewsPageFactory(parent=NewsIndexPage.objects.get(locale__language_code="de"), live=False)

    locations = sitemap_locations(client)

    assert len(locations) == len(set(locations))
    assert sorted(locations) == sorted(expected_locations())
    assert "http://testserver/en/" in locations
    for address in ["/de/neuigkeiten/archive/", "/de/veranstaltungen/archive/", "/de/hilfe-und-angebote/wegweiser/"]:
        assert "http://testserver" + address in locations
    assert "http://testserver/de/vereine/ehrenamt/" in locations
    assert "http://testserver/de/hilfe-und-angebote/angebot/angebot-" in "\n".join(locations)
    assert not any(hidden.slug in location or draft.slug in location for location in locations)
    assert len(part_addresses(client)) > 4


def query_counts(client):
    """Queries of the index and of the first and last part of each section."""
    counts = {}
    with CaptureQueriesContext(connection) as queries:
        addresses = part_addresses(client)
    counts["index"] = len(queries)
    for address in addresses:
        section = address.split("/")[-1].split(".")[0]
        with CaptureQueriesContext(connection) as queries:
            assert part_locations(client, address)
        counts.setdefault(section, set()).add(len(queries))
    return counts


@pytest.mark.django_db
def test_queries_per_part_do_not_grow_with_the_number_of_pages(client, small_parts):
    client.get("/sitemap.xml")  # site root paths and the like, cached from here on
    add_content(3)
    few = query_counts(client)
    add_content(25)
    many = query_counts(client)
    assert few == many
    assert max(max(counts) for counts in many.values() if isinstance(counts, set)) <= 8


@pytest.mark.django_db
def test_page_urls_match_wagtails(client, small_parts):
    """The addresses are computed from url_path, not asked of each page: they must be
    the ones Page.get_full_url() gives."""
    pages = Page.objects.live().public().filter(depth__gt=1)
    locations = set(sitemap_locations(client))
    assert {page.get_full_url() for page in pages} <= locations


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?p=01", "?p=1&x=1", "?p=eins", "?p=999"])
def test_other_query_strings_are_answered(client, small_parts, query):
    address = urlsplit(part_addresses(client)[0]).path
    assert client.get(address + query).status_code in (200, 404)
