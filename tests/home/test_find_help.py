"""The home page leads to help: a search into the directory and its categories as
tiles, and the easy-language version, from the first screen of content."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_home_page_searches_the_directory_and_lists_its_categories(client):
    page = client.get("/de/").content.decode()
    section = page[page.index('class="find-help"') :]
    assert 'action="/de/hilfe-und-angebote/"' in section
    topics = re.findall(r'<a href="(/de/hilfe-und-angebote/\?category=[\w-]+)">', section)
    assert len(topics) >= 5
    # Each tile leads to a directory that has offers of its category.
    listing = client.get(topics[0])
    assert listing.status_code == 200 and "offer-card" in listing.content.decode()


def test_an_english_reader_stays_in_english(client):
    section = client.get("/en/").content.decode().split('class="find-help"')[1]
    assert 'action="/en/hilfe-und-angebote/"' in section
    assert "/de/" not in section.split("</section>")[0]


def test_the_home_page_has_its_easy_language_version(client):
    page = client.get("/de/").content.decode()
    link = re.search(r'<p class="page-note page-note--easy-language">\s*<a href="([^"]+)"', page).group(1)
    easy = client.get(link).content.decode()
    assert "Leichter Sprache" in easy and "hilfe-bekommen-leichte-sprache" in easy
