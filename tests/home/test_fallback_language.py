"""German content in a list of another language's page (no translation yet) says it is
German: lang="de" dir="ltr" on its title and text, so that a screen reader reads it
with a German voice and its full stops stand right on an Arabic page. The interface
around it stays in the reader's language, unmarked."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "card"),
    [
        ("/ar/neuigkeiten/", "article-card"),
        ("/ar/veranstaltungen/", "event-entry"),
        ("/ar/vereine/", "club-card"),
        ("/ar/hilfe-und-angebote/", "offer-card"),
        ("/en/search/?q=Kiez", "search-results"),
    ],
)
def test_german_items_on_other_language_pages_are_marked(client, path, card):
    html = client.get(path).content.decode()
    assert card in html
    titles = re.findall(r"<h[234]><a href=\"[^\"]+\"([^>]*)>", html)
    assert titles and all('lang="de" dir="ltr"' in attributes for attributes in titles), titles[:3]


def test_german_items_on_german_pages_are_not(client):
    html = client.get("/de/neuigkeiten/").content.decode()
    main = html[html.index("<main") :]
    assert 'lang="de"' not in main
