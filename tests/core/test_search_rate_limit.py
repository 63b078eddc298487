"""Searches are rate limited per address: the site search, the directory and the club
index alike. Over the limit the answer is a page that says so, with 429."""

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
