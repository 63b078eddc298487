"""Error pages, sitemap.xml and robots.txt."""

import re

import pytest

from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import RequestFactory
from django.views.defaults import server_error

from home.models import StandardPage
from tests.sitemaps import sitemap_locations


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/de/gibt-es-nicht/", "/en/no-such-page/", "/de/kontakt/weiter/unten/"])
def test_unknown_urls_get_the_custom_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Sabine Kaya" in html  # the site's own layout, not Django's bare page
    assert html.count('name="q"') == 1  # the header's search, once


@pytest.mark.django_db
def test_404_is_german_under_de(client):
    assert "Seite nicht gefunden" in client.get("/de/gibt-es-nicht/").content.decode()


def test_500_page_renders_without_database():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Ein Fehler ist aufgetreten" in html
    assert '<html lang="de">' in html


@pytest.mark.django_db
def test_sitemap_lists_live_pages_only(client):
    StandardPage.objects.get(slug="impressum").unpublish()
    locations = sitemap_locations(client)
    assert "http://testserver/de/kontakt/" in locations
    assert "http://testserver/de/" in locations
    assert not any("impressum" in location for location in locations)


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


@pytest.mark.django_db
def test_every_page_names_an_icon_that_exists(client):
    html = client.get("/de/").content.decode()
    icon = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', html)
    assert icon, "no icon: browsers ask for /favicon.ico and log a 404"
    assert finders.find(icon[1].removeprefix(settings.STATIC_URL))
