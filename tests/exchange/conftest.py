import pytest

from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits and form tokens live in the cache: each test starts without them."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    """POST as a resident and run what the request left for after the commit (the mail
    tasks), as the worker would."""

    def post(url, data, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data, **extra)

    return post
