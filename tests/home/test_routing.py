"""Routing of page addresses is remembered per generation (home/routing.py): a page
read again costs fewer queries, and every change that moves, hides or removes a page
makes the next request route afresh."""

import pytest

from django.core.cache import cache

from directory.models import Provider
from home.page_cache import generation, process_memo
from tests.queries import reads

pytestmark = pytest.mark.django_db


def route_entries():
    return [key for key in process_memo.values if key[0] == "route"]


@pytest.mark.parametrize("path", ["/de/ueber-uns/", "/de/neuigkeiten/", "/de/hilfe-und-angebote/", "/de/"])
def test_a_remembered_route_serves_the_same_page_without_walking_the_tree(client, path):
    first, first_queries = reads(client, path)
    second, second_queries = reads(client, path)
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert any('FROM "wagtailcore_site"' in sql for sql in first_queries)
    assert not any('FROM "wagtailcore_site"' in sql for sql in second_queries)
    assert len(second_queries) < len(first_queries)


def test_a_routable_page_resolves_its_sub_address_from_the_remembered_page(client):
    provider = Provider.objects.filter(live=True).first()
    path = f"/de/hilfe-und-angebote/anbieter/{provider.slug}/"
    first = client.get(path)
    second = client.get(path)
    assert first.status_code == second.status_code == 200
    assert provider.name in second.content.decode()
    missing = client.get("/de/hilfe-und-angebote/anbieter/gibt-es-nicht/")
    assert missing.status_code == 404


def test_an_untranslated_page_under_another_language_is_remembered_as_the_original(client):
    first = client.get("/en/ueber-uns/")
    second = client.get("/en/ueber-uns/")
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert 'lang="en"' in second.content.decode()


def test_addresses_that_lead_nowhere_are_not_remembered(client):
    client.get("/de/ueber-uns/")
    remembered = len(route_entries())
    for number in range(5):
        assert client.get(f"/de/gibt-es-nicht-{number}/").status_code == 404
    assert len(route_entries()) == remembered


def test_unpublishing_a_remembered_page_makes_it_404(client, home_page):
    assert client.get("/de/ueber-uns/").status_code == 200
    home_page.get_children().get(slug="ueber-uns").unpublish()
    assert client.get("/de/ueber-uns/").status_code == 404


def test_moving_a_remembered_page_routes_afresh(client, home_page):
    assert client.get("/de/ueber-uns/").status_code == 200
    about = home_page.get_children().get(slug="ueber-uns")
    contact = home_page.get_children().get(slug="kontakt")
    about.move(contact, pos="last-child")
    assert client.get("/de/kontakt/ueber-uns/").status_code == 200
    assert client.get("/de/ueber-uns/").status_code in (301, 404)


def test_a_flushed_cache_never_brings_back_an_earlier_generation():
    before = generation()
    cache.clear()
    assert generation() != before
