"""Private pages (Wagtail's view restrictions) stay private although public pages are
cached: saving, changing or deleting a restriction, on the page or an ancestor, applies
from the next request."""

import pytest

from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db

ABOUT = "/de/ueber-uns/"


@pytest.fixture
def about(home_page):
    return home_page.get_children().get(slug="ueber-uns")


def test_a_page_made_private_after_it_was_read_asks_for_a_login(client, about):
    assert client.get(ABOUT).status_code == 200
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(ABOUT)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_a_private_ancestor_hides_its_subpages(client, home_page):
    news = home_page.get_children().get(slug="neuigkeiten").specific
    article_path = news.get_children().live().first().url
    assert client.get(article_path).status_code == 200
    PageViewRestriction.objects.create(page=news, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(article_path).status_code == 302


def test_a_password_restriction_shows_the_password_form(client, about):
    assert client.get(ABOUT).status_code == 200
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.PASSWORD, password="kiez")
    response = client.get(ABOUT)
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert "Cache-Control" in response and "private" in response["Cache-Control"]


def test_a_page_made_public_again_is_served_to_everybody(client, about):
    restriction = PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(ABOUT).status_code == 302
    restriction.delete()
    assert client.get(ABOUT).status_code == 200


def test_an_editor_who_logged_in_reads_the_private_page(client, about, django_user_model):
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(ABOUT).status_code == 302
    client.force_login(django_user_model.objects.create_user("anwohnerin", password="x"))
    assert client.get(ABOUT).status_code == 200
