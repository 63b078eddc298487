"""Searches are rate limited per address: the site search, the directory and the club
index alike. Over the limit the answer is a page that says so, with 429."""

import datetime

import pytest

from django.core.cache import cache

from tests.database import stored_state

SEARCHES = ["/de/search/?q=Kiez", "/de/hilfe-und-angebote/?q=Fahrdienst", "/de/vereine/?q=Garten"]


@pytest.fixture(autouse=True)
def low_limit(settings):
    settings.SEARCH_RATE_LIMIT_PER_IP = 3
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_the_fourth_search_in_a_minute_is_refused_with_a_message(client):
    before = stored_state()
    assert [client.get(path).status_code for path in SEARCHES] == [200, 200, 200]
    refused = client.get("/de/search/?q=Garten")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    html = refused.content.decode()
    assert "Bitte warten Sie eine Minute" in html
    assert '<html lang="de"' in html
    assert stored_state() == before


@pytest.mark.django_db
def test_pages_without_a_search_are_not_counted(client):
    for _ in range(10):
        assert client.get("/de/hilfe-und-angebote/").status_code == 200
        assert client.get("/de/search/?q=").status_code == 200
    assert client.get("/de/search/?q=Kiez").status_code == 200


@pytest.mark.django_db
def test_each_address_has_its_own_count(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(3):
        client.get("/de/search/?q=Kiez", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert client.get("/de/search/?q=Kiez", HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429
    assert client.get("/de/search/?q=Kiez", HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 200


@pytest.mark.django_db
def test_the_message_is_in_english_on_english_pages(client):
    for _ in range(3):
        client.get("/en/search/?q=Kiez")
    refused = client.get("/en/search/?q=Kiez")
    assert refused.status_code == 429
    assert "Please wait a minute" in refused.content.decode()


@pytest.fixture
def database_cache(settings):
    """The cache `make run` has without Redis: a table in the database."""
    from django.core.cache import caches
    from django.core.management import call_command

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "rate_test"}}
    call_command("createcachetable", verbosity=0)
    yield caches["default"]
    caches["default"].clear()


@pytest.mark.django_db
@pytest.mark.parametrize("minutes_between", [6, 10])
def test_an_hours_limit_holds_for_the_hour_in_the_database_cache(database_cache, monkeypatch, minutes_between):
    """Django's database cache gives a key its default timeout (five minutes) again on
    every `incr`: counted that way, uses six minutes apart were never limited."""
    from django.utils import timezone

    from core import ratelimit

    start = 1_800_000_000  # on the hour: the window runs to start + 3600
    clock = {"now": start}
    monkeypatch.setattr(ratelimit.time, "time", lambda: clock["now"])
    monkeypatch.setattr(timezone, "now", lambda: datetime.datetime.fromtimestamp(clock["now"], datetime.UTC))
    over = []
    for _use in range(3600 // (60 * minutes_between)):
        over.append(ratelimit.hit("test", "203.0.113.7", 5, 3600))
        clock["now"] += 60 * minutes_between
    assert over.count(False) == 5  # five uses in the hour, every further one refused
    clock["now"] = start + 3600  # the next hour counts anew
    assert ratelimit.hit("test", "203.0.113.7", 5, 3600) is False
