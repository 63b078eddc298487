"""Language fallback, the language switcher, hreflang and easy language."""

import re

import pytest

from wagtail.models import Locale

from home.models import StandardPage


@pytest.fixture
def english_about(db, home_page):
    english = Locale.objects.get(language_code="en")
    english_home = home_page.copy_for_translation(english)
    english_home.save_revision().publish()
    translation = StandardPage.objects.get(slug="ueber-uns").copy_for_translation(english)
    translation.title = "About us"
    translation.slug = "about-us"
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


@pytest.mark.django_db
def test_untranslated_page_falls_back_to_german_with_a_note(client):
    html = client.get("/en/ueber-uns/").content.decode()
    assert '<html lang="en"' in html
    assert '<div class="wrapper" lang="de">' in html  # screen readers read the German content as German
    assert "This page is not yet available in English. You are reading it in Deutsch." in html
    assert "Über uns" in html


@pytest.mark.django_db
def test_translated_page_has_no_note(client, english_about):
    response = client.get(english_about.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "About us" in html
    assert "not yet available" not in html
    assert '<div class="wrapper">' in html


@pytest.mark.django_db
def test_language_switcher_leads_to_the_translation(client, english_about):
    html = client.get("/de/ueber-uns/").content.decode()
    assert f'href="{english_about.url}" lang="en" hreflang="en"' in html


@pytest.mark.django_db
def test_language_switcher_on_untranslated_page_keeps_the_path(client):
    html = client.get("/de/kontakt/").content.decode()
    assert 'href="/en/kontakt/" lang="en" hreflang="en"' in html
    assert '<span lang="de" aria-current="true">Deutsch</span>' in html


@pytest.mark.django_db
def test_hreflang_only_for_real_translations(client, english_about):
    translated = client.get("/de/ueber-uns/").content.decode()
    assert '<link rel="alternate" hreflang="de" href="http://testserver/de/ueber-uns/">' in translated
    assert f'<link rel="alternate" hreflang="en" href="http://testserver{english_about.url}">' in translated
    assert 'hreflang="x-default" href="http://testserver/de/ueber-uns/"' in translated
    untranslated = client.get("/de/kontakt/").content.decode()
    assert '<link rel="alternate"' not in untranslated


@pytest.mark.django_db
def test_easy_language_version_is_linked_with_the_sign(client):
    html = client.get("/de/kontakt/").content.decode()
    assert 'href="/de/kontakt/kontakt-leichte-sprache/" lang="de"' in html
    assert "Diese Seite in Leichter Sprache" in html
    assert "easy-language.svg" in html
    easy = client.get("/de/kontakt/kontakt-leichte-sprache/").content.decode()
    assert "Diese Seite ist in Leichter Sprache." in easy


@pytest.mark.django_db
def test_unpublished_easy_language_version_is_not_linked(client):
    StandardPage.objects.get(slug="kontakt-leichte-sprache").unpublish()
    assert "Leichter Sprache" not in client.get("/de/kontakt/").content.decode()


@pytest.mark.django_db
def test_accessibility_statement_in_the_footer(client):
    html = client.get("/de/").content.decode()
    footer = html[html.index("<footer") :]
    assert '<a href="/de/barrierefreiheit/">Erklärung zur Barrierefreiheit</a>' in footer


def canonical(client, path, **headers):
    links = re.findall(r'<link rel="canonical" href="([^"]*)">', client.get(path, **headers).content.decode())
    return links[0] if len(links) == 1 else links


@pytest.mark.django_db
def test_every_page_names_its_one_address_on_the_base_url(client, english_about):
    assert canonical(client, "/de/ueber-uns/") == "http://testserver/de/ueber-uns/"
    assert canonical(client, english_about.url) == f"http://testserver{english_about.url}"
    # Filters and pages of a list are the list.
    assert (
        canonical(client, "/de/hilfe-und-angebote/?q=Fahrdienst&free=on") == "http://testserver/de/hilfe-und-angebote/"
    )
    offer = "/de/hilfe-und-angebote/angebot/babysitting/"
    assert canonical(client, offer) == f"http://testserver{offer}"
    # The host a request names does not change it.
    assert canonical(client, "/de/ueber-uns/", HTTP_HOST="127.0.0.1") == "http://testserver/de/ueber-uns/"


@pytest.mark.django_db
def test_an_untranslated_page_points_to_the_original(client):
    assert canonical(client, "/en/kontakt/") == "http://testserver/de/kontakt/"
    assert canonical(client, "/tr/veranstaltungen/archive/") == "http://testserver/de/veranstaltungen/archive/"


@pytest.mark.django_db
def test_error_pages_and_search_results_name_no_address(client):
    assert canonical(client, "/de/gibt-es-nicht/") == []
    assert canonical(client, "/de/search/?q=Kiez") == []
