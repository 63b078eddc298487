"""The main menu follows the reader's language, also on pages not yet translated."""

import pytest

from django.core.cache import cache

from home.demo_translations import build as translate_demo


@pytest.mark.django_db
def test_untranslated_and_translated_pages_show_the_same_english_menu(client):
    translate_demo()
    # Each page builds the menu itself: it is cached, and the first page would
    # otherwise decide for both.
    untranslated = client.get("/en/veranstaltungen/").content.decode()
    cache.clear()
    translated = client.get("/en/").content.decode()

    def menu(html):
        return html.split('<nav class="main-nav"', 1)[1].split("</nav>", 1)[0].replace(' aria-current="page"', "")

    assert menu(untranslated) == menu(translated)
    assert 'href="/en/' in menu(untranslated)
