"""The search's vocabulary (core/vocabulary.py): compounds from their parts and parts
from their compounds, typos, "Did you mean …", and only ever words of public text. Both
databases run this module."""

import re

import pytest

from core.models import SearchWord
from core.search import read_query
from core.vocabulary import read, rebuild
from tests.home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def learnt(folded):
    return SearchWord.objects.filter(language="de", folded=folded).exists()


def search_page(client, query):
    return client.get("/de/search/", {"q": query}).content.decode()


def test_the_demo_vocabulary_reads_compounds_typos_and_known_words():
    readings = read(["Arztbegleitung", "Müll", "Fahrdinst", "Fahrdienste", "Kiz"], "de")
    # An unknown compound is searched as its two known parts.
    assert readings["Arztbegleitung"].parts == ("Arzt", "Begleitung")
    # A word is searched in the compounds it is part of.
    assert "Sperrmüll" in readings["Müll"].compounds
    assert readings["Fahrdinst"].corrections[0] == "Fahrdienst"
    # A word form the text has (its key is known) is not a typo.
    assert readings["Fahrdienste"].known
    assert readings["Fahrdienste"].corrections == []
    # Too short for a typo: "Kiz" is not corrected to "Kiez".
    assert readings["Kiz"].corrections == []


def test_a_word_that_merely_ends_like_a_noun_is_no_compound_of_it(home_page):
    StandardPageFactory(
        parent=home_page, title="Werkstatt", intro="Ein praktischer Holztisch, praktisch für jede Werkstatt."
    )
    rebuild()
    compounds = read(["Tisch"], "de")["Tisch"].compounds
    assert "Holztisch" in compounds
    assert not {"praktisch", "praktischer"} & set(compounds)


def test_a_typo_is_searched_as_the_nearest_word_and_offered_as_did_you_mean(client):
    html = search_page(client, "Seniorenfahrdinst")
    assert "Seniorenfahrdienst" in html
    suggestion = re.search(r'class="search-did-you-mean">.*?<a href="([^"]+)">([^<]+)</a>', html, re.S)
    assert suggestion.group(2) == "Seniorenfahrdienst"
    assert suggestion.group(1) == "?q=Seniorenfahrdienst"
    # A word the text has is never "corrected".
    assert "search-did-you-mean" not in search_page(client, "Fahrdienst")


def test_a_drafts_words_are_never_offered_and_a_publications_are_learnt(client, home_page):
    draft = StandardPageFactory(parent=home_page, title="Zwetschgendatschi im Hof", live=False)
    assert not learnt("zwetschgendatschi")
    html = search_page(client, "Zwetschgendatschy")
    assert "Zwetschgendatschi" not in html
    assert read_query("Zwetschgendatschy").did_you_mean is None

    draft.save_revision().publish()
    assert learnt("zwetschgendatschi")
    assert read_query("Zwetschgendatschy").did_you_mean == "Zwetschgendatschi"
    # Found by the correction, and marked as the word that matched.
    assert "<mark>Zwetschgendatschi</mark> im Hof" in search_page(client, "Zwetschgendatschy")


def test_the_nightly_rebuild_forgets_what_is_no_longer_public(home_page):
    page = StandardPageFactory(parent=home_page, title="Kürbissuppenfest im Lindenkiez")
    assert learnt("kuerbissuppenfest")
    page.unpublish()
    size = rebuild()
    assert not learnt("kuerbissuppenfest")
    assert size == SearchWord.objects.count()
    # Words many texts share count them, the demo's own words stay.
    assert SearchWord.objects.get(language="de", folded="lindenkiez").documents > 5


@pytest.mark.parametrize(
    "query",
    ["x" * 200, "Hilfe " * 40, "Fahr\x00dinst", "Müll🗑️", "مساعدة في التسوق", "Fahrdienst OR NOT *", '"Fahrdinst'],
)
def test_any_query_reads_against_the_vocabulary_without_failing(client, query):
    assert client.get("/de/search/", {"q": query}).status_code == 200
    assert client.get("/de/hilfe-und-angebote/", {"q": query}).status_code == 200


@pytest.mark.parametrize(
    ("path", "typo", "word"),
    [
        # The directory keeps its other filters in the corrected search.
        ("/de/hilfe-und-angebote/?free=on&q=Fahrdinst", "Fahrdinst", "Fahrdienst"),
        ("/de/vereine/?q=Lindencor", "Lindencor", "Lindenchor"),
    ],
)
def test_the_directory_and_the_clubs_ask_did_you_mean_too(client, path, typo, word):
    html = client.get(path).content.decode()
    suggestion = re.search(r'class="search-did-you-mean">.*?<a href="([^"]+)">([^<]+)</a>', html, re.S)
    assert suggestion.group(2) == word
    assert f"q={word}" in suggestion.group(1)
    assert typo not in suggestion.group(1)
    if "free=on" in path:
        assert "free=on" in suggestion.group(1)
    assert client.get(path.split("?")[0] + suggestion.group(1).replace("&amp;", "&")).status_code == 200
