import pytest

from django.core.cache import cache

from letters.models import Subscription


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits and form tokens live in the cache: each test starts without them."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo_subscription(db):
    """The demo's weekly subscriber (jana@, events and the swap board)."""
    return Subscription.objects.select_related("resident").get(frequency="weekly", resident__email__startswith="jana@")
