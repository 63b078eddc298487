"""The frame of every page (header, menu, footer) is a fragment cached with Wagtail's
{% wagtailcache %}, keyed by the page cache's generation: read once per generation,
renewed by the next change, never used for a preview; searches and filtered lists are
rendered per request and leave nothing in the cache."""

import pytest

from django.core.cache import cache

from core.page_cache import bump_generation
from home.models import SiteSettings
from tests.queries import reads

pytestmark = pytest.mark.django_db

# A query string keeps the page cache out, so that only the fragments count.
ABOUT = "/de/ueber-uns/?seite=1"


def test_the_frame_is_read_once_per_generation(client):
    _first, first_reads = reads(client, ABOUT, "home_sitesettings")
    _second, second_reads = reads(client, ABOUT, "home_sitesettings")
    assert first_reads and not second_reads
    bump_generation()
    _third, third_reads = reads(client, ABOUT, "home_sitesettings")
    assert third_reads


def test_a_saved_contact_phone_is_in_every_frame_after_the_commit(client, django_capture_on_commit_callbacks):
    client.get(ABOUT)
    settings = SiteSettings.objects.get()
    settings.contact_phone = "030 111 222 33"
    with django_capture_on_commit_callbacks(execute=True):
        settings.save()
        assert "030 111 222 33" not in client.get(ABOUT).content.decode()  # not yet committed
    html = client.get(ABOUT).content.decode()
    header, footer = html[: html.index("<main")], html[html.index("<footer") :]
    assert "030 111 222 33" in header and "030 111 222 33" in footer


def test_the_menu_marks_the_section_of_each_page(client):
    about = client.get("/de/ueber-uns/").content.decode()
    contact = client.get("/de/kontakt/").content.decode()
    assert 'href="/de/ueber-uns/" aria-current="page"' in about
    assert 'href="/de/kontakt/" aria-current="page"' in contact
    assert 'href="/de/ueber-uns/" aria-current="page"' not in contact


@pytest.mark.parametrize("words", ["Fahrrad", "Garten", "Hilfe beim Einkaufen"])
def test_searches_leave_nothing_in_the_cache(client, words):
    for path in ("/de/search/", "/de/hilfe-und-angebote/", "/de/vereine/"):
        client.get(path, {"q": "Warmup"})
        before = set(cache._cache)
        assert client.get(path, {"q": words}).status_code == 200
        assert set(cache._cache) == before, path
