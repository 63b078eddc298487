"""The directory list, provider and offer pages cost the same number of queries with
10 or 500 offers."""

import pytest

from django.utils import timezone

from wagtail.models import Locale

from directory.models import Offer, PriceModel, ProviderKind
from tests.queries import count_fresh_queries

from .factories import ProviderFactory
from .helpers import DIRECTORY, offer_url, provider_url

MAX_QUERIES = 30


def add_offers(provider, count, start):
    """Many offers at once: bulk_create skips the search index, which lists don't need."""
    locale = Locale.get_default()
    Offer.objects.bulk_create(
        Offer(
            provider=provider,
            locale=locale,
            title=f"Zusatzangebot {number:04d}",
            slug=f"zusatzangebot-{number}",
            summary="Mehr Hilfe im Kiez.",
            price_model=PriceModel.HOURLY if number % 2 else PriceModel.FREE,
            price_amount=20 if number % 2 else None,
            for_seniors=bool(number % 3),
            live=True,
            updated_at=timezone.now(),
        )
        for number in range(start, start + count)
    )


PATHS = [
    DIRECTORY,
    DIRECTORY + "gewerbe/",
    DIRECTORY + "nachbarschaftshilfe/?free=on&group=seniors",
    DIRECTORY + "?category=mobilitaet&kind=volunteer",
    # A search whose matches grow with the offers: they match through their provider.
    DIRECTORY + "?q=Zählbetrieb",
    DIRECTORY + "gewerbe/?q=Zählbetrieb&page=2",
    provider_url("zaehlbetrieb"),
    offer_url("zusatzangebot-0"),
    DIRECTORY + "wegweiser/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATHS)
def test_query_count_does_not_grow_with_offers(client, path):
    business = ProviderFactory(name="Zählbetrieb", slug="zaehlbetrieb", kind=ProviderKind.BUSINESS)
    volunteers = ProviderFactory(kind=ProviderKind.VOLUNTEER)
    add_offers(business, 5, 0)
    add_offers(volunteers, 5, 5)
    small = count_fresh_queries(client, path)
    add_offers(business, 245, 10)
    add_offers(volunteers, 245, 255)
    assert Offer.objects.filter(title__startswith="Zusatzangebot").count() == 500
    large = count_fresh_queries(client, path)
    assert small == large, f"{path}: {small} queries with 10 offers, {large} with 500"
    assert large <= MAX_QUERIES, f"{path}: {large} queries"
