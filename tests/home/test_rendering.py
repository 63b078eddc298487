"""What a resident sees on every page: the contact person, navigation, footer, language."""

import pytest

from django.test import override_settings

from home.models import SiteSettings, StandardPage
from news.models import NewsPage

PUBLIC_PATHS = ["/de/", "/de/ueber-uns/", "/de/kontakt/", "/de/impressum/", "/de/search/?q=Kiez"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_contact_person_on_every_page(client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sabine Kaya" in html
    assert 'href="tel:03023125417"' in html
    assert "Dienstag und Donnerstag" in html
    assert "Ihre Ansprechperson vor Ort" in html


@pytest.mark.django_db
def test_root_redirects_to_german(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/de/"


@pytest.mark.django_db
def test_page_is_german_with_skip_link_and_landmarks(client):
    html = client.get("/de/").content.decode()
    assert '<html lang="de" dir="ltr">' in html
    assert '<a class="skip-link" href="#main">Zum Inhalt springen</a>' in html
    assert '<main id="main"' in html
    assert "<header" in html and "<footer" in html
    assert html.count("<h1") == 1


@pytest.mark.django_db
def test_interface_in_english_under_en(client):
    html = client.get("/en/").content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "Your contact on site" in html
    # Untranslated content falls back to the German page.
    assert "Willkommen im Lindenkiez" in html


@pytest.mark.django_db
def test_navigation_lists_menu_pages_only(client):
    html = client.get("/de/").content.decode()
    nav = html[html.index('class="main-nav"') : html.index("</nav>", html.index('class="main-nav"'))]
    assert 'href="/de/ueber-uns/"' in nav
    assert 'href="/de/kontakt/"' in nav
    assert "impressum" not in nav


@pytest.mark.django_db
def test_navigation_marks_the_current_section(client):
    html = client.get("/de/kontakt/").content.decode()
    assert '<a href="/de/kontakt/" aria-current="page">' in html


@pytest.mark.django_db
def test_unpublished_pages_leave_navigation_teasers_and_calls_to_action(client):
    StandardPage.objects.get(slug="kontakt").unpublish()
    html = client.get("/de/").content.decode()
    assert 'href="/de/kontakt/"' not in html
    assert "Hilfe anfragen" not in html
    assert "Sie brauchen Hilfe im Alltag?" not in html
    assert 'href="/de/ueber-uns/"' in html


@pytest.mark.django_db
def test_footer_links_imprint_and_privacy(client):
    html = client.get("/de/").content.decode()
    footer = html[html.index("<footer") :]
    assert '<a href="/de/impressum/">Impressum</a>' in footer
    assert '<a href="/de/datenschutz/">Datenschutzerklärung</a>' in footer


@pytest.mark.django_db
def test_page_without_contact_settings_still_renders(client, home_page):
    SiteSettings.objects.all().delete()
    response = client.get("/de/")
    assert response.status_code == 200
    assert "Ihre Ansprechperson vor Ort" not in response.content.decode()


@pytest.mark.django_db
def test_language_links_keep_the_reader_on_the_page(client):
    html = client.get("/de/kontakt/").content.decode()
    assert 'href="/en/kontakt/" lang="en" hreflang="en"' in html


def test_the_tel_filter_keeps_only_digits_and_plus():
    from core.templatetags.phone_tags import tel

    assert tel("+49 (30) 231 25-417") == "tel:+493023125417"
    assert tel("") == tel(None) == ""


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_static_css_is_linked_without_third_party_hosts(client):
    html = client.get("/de/").content.decode()
    assert "/static/home/css/quartier.css" in html
    for marker in ("https://fonts.", "cdn.", "googleapis", "//unpkg"):
        assert marker not in html


@pytest.mark.django_db
def test_menu_and_breadcrumbs_change_as_soon_as_an_editor_publishes(client, django_capture_on_commit_callbacks):
    # The menu is a frame fragment, cached per generation also with the page cache off.
    article = NewsPage.objects.live().filter(locale__language_code="de").first()
    news_index = article.get_parent().specific
    html = client.get(article.url).content.decode()
    assert f">{news_index.title}</a>" in html

    news_index.title = "Aus dem Kiez"
    with django_capture_on_commit_callbacks(execute=True):
        news_index.save_revision().publish()

    html = client.get(article.url).content.decode()
    menu = html[html.index('class="main-nav"') :]
    crumbs = html[html.index('class="breadcrumbs"') :]
    assert ">Aus dem Kiez</a>" in menu[: menu.index("</nav>")]
    assert ">Aus dem Kiez</a>" in crumbs[: crumbs.index("</nav>")]
