"""What a search found is kept per words in each process until the next publication:
asked again, the directory, the site search and the club search read the search index
no more; anything published is found at once; the memo is bounded and pushes out only
other searches; a reader's words never reach the shared cache."""

import re

import pytest

from django.core.cache import cache

from directory.club_models import ClubPage
from home import page_cache
from tests.clubs.helpers import CLUBS, club_index
from tests.directory.factories import OfferFactory
from tests.directory.helpers import DIRECTORY, titles
from tests.home.factories import StandardPageFactory
from tests.queries import reads

pytestmark = pytest.mark.django_db

# Wagtail's index entries, and on SQLite their FTS5 table: every search reads them.
SEARCH_INDEX = ("wagtailsearch_indexentry", "wagtailsearch_indexentry_fts")
SEARCHES = [
    f"{DIRECTORY}?q=Fahrrad",
    f"{DIRECTORY}?q=Fahrrad&free=on",
    "/de/search/?q=Fahrrad",
    "/de/vereine/?q=Garten",
]


RESULT_LINK = re.compile(r"<h3><a href=[^>]+>(Seifenkistenrennen \d+)</a></h3>")


def search_index_reads(client, path):
    response, statements = reads(client, path, *SEARCH_INDEX)
    assert response.status_code == 200
    return response, statements


@pytest.mark.parametrize("path", SEARCHES)
def test_a_search_asked_again_reads_the_search_index_no_more(client, path):
    first, first_reads = search_index_reads(client, path)
    second, second_reads = search_index_reads(client, path)
    assert first_reads
    assert second_reads == []
    assert second.content == first.content


def test_other_words_or_filters_are_searched_afresh(client):
    search_index_reads(client, f"{DIRECTORY}?q=Fahrrad")
    assert search_index_reads(client, f"{DIRECTORY}?q=Garten")[1]
    assert search_index_reads(client, f"{DIRECTORY}?q=Fahrrad&free=on")[1]
    assert search_index_reads(client, "/en/search/?q=Fahrrad")[1]


@pytest.mark.parametrize("path", SEARCHES)
def test_a_readers_words_never_reach_the_shared_cache_or_the_frames_memo(client, path):
    client.get(path)
    words = path.split("q=")[1].split("&")[0]
    assert any(words in str(key) for key in page_cache.search_memo.values)
    assert not [key for key in page_cache.process_memo.values if words in str(key)]
    assert words not in str(list(cache._cache))


def test_a_published_offer_is_found_at_once_by_a_search_asked_before(client):
    assert "Zauberflötenkurs" not in client.get(DIRECTORY, {"q": "Zauberflöte"}).content.decode()
    assert "Zauberflötenkurs" not in client.get("/de/search/", {"q": "Zauberflöte"}).content.decode()
    offer = OfferFactory(title="Zauberflötenkurs", summary="Zauberflöte für Anfänger", live=False)
    offer.save_revision().publish()
    assert titles(client.get(DIRECTORY, {"q": "Zauberflöte"})) == ["Zauberflötenkurs"]
    assert "Zauberflötenkurs" in client.get("/de/search/", {"q": "Zauberflöte"}).content.decode()


def test_a_published_page_is_found_and_counted_at_once(client, home_page):
    before = client.get("/de/search/", {"q": "Kiezlauf"})
    assert before.context["search_results"].paginator.count == 0
    page = StandardPageFactory(parent=home_page, title="Kiezlauf am Kanal", live=False)
    page.save_revision().publish()
    after = client.get("/de/search/", {"q": "Kiezlauf"})
    assert after.context["search_results"].paginator.count == 1
    assert "Kiezlauf am Kanal" in after.content.decode()


def test_a_club_published_later_is_found_by_a_club_search_asked_before(client):
    assert "Kiezlaufgruppe" not in client.get(CLUBS, {"q": "Kiezlauf"}).content.decode()
    club = ClubPage(
        title="Kiezlaufgruppe", slug="kiezlaufgruppe", summary="Wir trainieren für den Kiezlauf.", live=False
    )
    club_index().add_child(instance=club)
    club.save_revision().publish()
    response = client.get(CLUBS, {"q": "Kiezlauf"})
    assert response.context["items"].paginator.count == 1
    assert "Kiezlaufgruppe" in response.content.decode()


def test_each_page_of_a_remembered_search_has_its_own_results_and_links(client, home_page):
    for number in range(12):
        StandardPageFactory(parent=home_page, title=f"Seifenkistenrennen {number:02}")
    first = RESULT_LINK.findall(client.get("/de/search/", {"q": "Seifenkistenrennen"}).content.decode())
    second = RESULT_LINK.findall(client.get("/de/search/", {"q": "Seifenkistenrennen", "page": "2"}).content.decode())
    assert (len(first), len(second)) == (10, 2)
    assert sorted(first + second) == [f"Seifenkistenrennen {number:02}" for number in range(12)]
    # The pagination links are the request's own, not a stored page's.
    other = client.get("/de/search/", {"q": "Seifenkistenrennen", "page": "2", "from": "home"}).content.decode()
    assert "from=home" in other
    assert "from=home" not in client.get("/de/search/", {"q": "Seifenkistenrennen", "page": "2"}).content.decode()


def test_the_search_memo_is_bounded_and_leaves_the_frame_alone(client, monkeypatch):
    monkeypatch.setattr(page_cache.search_memo, "max_entries", 3)
    client.get(DIRECTORY, {"q": "Fahrrad"})
    frame = [key for key in page_cache.process_memo.values if "main-menu" in str(key)]
    for word in ("Garten", "Kaffee", "Nachbarschaft", "Lesen", "Kinder", "Senioren"):
        client.get(DIRECTORY, {"q": word})
    assert len(page_cache.search_memo.values) == 3
    assert frame
    assert all(key in page_cache.process_memo.values for key in frame)
    assert search_index_reads(client, f"{DIRECTORY}?q=Fahrrad")[1]  # pushed out: searched afresh


def test_no_search_is_kept_when_the_memo_is_switched_off(client, monkeypatch):
    monkeypatch.setattr(page_cache.search_memo, "max_entries", 0)
    search_index_reads(client, f"{DIRECTORY}?q=Fahrrad")
    assert search_index_reads(client, f"{DIRECTORY}?q=Fahrrad")[1]
    assert page_cache.search_memo.values == {}
