"""The page cache serves anonymous visitors stored pages and forgets them on every change
residents would see; nothing personal is ever stored."""

import pytest

from django.core.cache import cache
from django.test import override_settings

from core.page_cache import generation
from directory.models import Offer
from home.models import SiteSettings
from tests.home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache():
    cache.clear()
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield
    cache.clear()


def fetch(client, path, **kwargs):
    response = client.get(path, **kwargs)
    return response, response.content.decode()


def test_second_anonymous_visit_is_served_from_the_cache(client, django_assert_num_queries):
    first, _ = fetch(client, "/de/ueber-uns/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second, _ = fetch(client, "/de/ueber-uns/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_languages_and_hosts_are_cached_apart(client):
    _, german = fetch(client, "/de/ueber-uns/")
    _, english = fetch(client, "/en/ueber-uns/")
    assert 'lang="de"' in german
    assert 'lang="en"' in english


def test_publishing_a_page_shows_at_once_in_the_menu(client, home_page, django_capture_on_commit_callbacks):
    fetch(client, "/de/ueber-uns/")
    before = generation()
    page = StandardPageFactory(
        parent=home_page, title="Frisch veröffentlicht", slug="frisch", show_in_menus=True, live=False
    )
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
        assert generation() == before  # not before the commit
    assert generation() != before
    response, html = fetch(client, "/de/ueber-uns/")
    assert response["X-Page-Cache"] == "miss"
    assert "Frisch veröffentlicht" in html


def test_editing_a_published_page_shows_the_new_text(client, home_page, django_capture_on_commit_callbacks):
    page = home_page.get_children().get(slug="ueber-uns").specific
    fetch(client, "/de/ueber-uns/")
    page.title = "Wer wir wirklich sind"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    _, html = fetch(client, "/de/ueber-uns/")
    assert "Wer wir wirklich sind" in html


def test_unpublishing_removes_the_page(client, home_page, django_capture_on_commit_callbacks):
    page = home_page.get_children().get(slug="ueber-uns")
    assert fetch(client, "/de/ueber-uns/")[0].status_code == 200
    fetch(client, "/de/")
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert fetch(client, "/de/ueber-uns/")[0].status_code == 404
    assert "/de/ueber-uns/" not in fetch(client, "/de/")[1]


def test_moving_and_deleting_invalidate(client, home_page, django_capture_on_commit_callbacks):
    contact = home_page.get_children().get(slug="kontakt")
    about = home_page.get_children().get(slug="ueber-uns")
    fetch(client, "/de/ueber-uns/")
    before = generation()
    with django_capture_on_commit_callbacks(execute=True):
        about.move(contact, pos="last-child")
    moved = generation()
    assert moved != before
    # Not the stored page: Wagtail's redirect to the new place (or a 404).
    assert fetch(client, "/de/ueber-uns/")[0].status_code in (301, 404)
    with django_capture_on_commit_callbacks(execute=True):
        contact.get_children().get(slug="ueber-uns").delete()
    assert generation() != moved


def test_saving_site_settings_changes_every_page(client, home_page, django_capture_on_commit_callbacks):
    fetch(client, "/de/ueber-uns/")
    settings = SiteSettings.objects.get()
    settings.contact_phone = "030 999 888 77"
    with django_capture_on_commit_callbacks(execute=True):
        settings.save()
    _, html = fetch(client, "/de/ueber-uns/")
    assert "030 999 888 77" in html


def test_publishing_a_directory_offer_invalidates(client, django_capture_on_commit_callbacks):
    offer = Offer.objects.filter(live=True).first()
    before = generation()
    offer.title = "Ganz neues Angebot"
    with django_capture_on_commit_callbacks(execute=True):
        offer.save_revision().publish()
        assert generation() == before  # the admin publishes in a transaction: not before its commit
    assert generation() != before


def test_drafts_and_enquiries_do_not_invalidate(client, home_page, django_capture_on_commit_callbacks):
    before = generation()
    page = home_page.get_children().get(slug="ueber-uns").specific
    page.title = "Nur ein Entwurf"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()
    assert generation() == before
    assert "Nur ein Entwurf" not in fetch(client, "/de/ueber-uns/")[1]


def test_logged_in_editors_always_get_fresh_pages(client, editor):
    fetch(client, "/de/ueber-uns/")
    client.force_login(editor)
    response, _ = fetch(client, "/de/ueber-uns/")
    assert "X-Page-Cache" not in response
    # And what an editor sees (the user bar) never lands in the cache.
    client.logout()
    client.cookies.clear()
    assert "wagtail-userbar" not in fetch(client, "/de/ueber-uns/")[1]


def test_visitors_with_a_session_or_messages_are_not_served_from_the_cache(client):
    fetch(client, "/de/ueber-uns/")
    client.cookies["sessionid"] = "abc"
    assert "X-Page-Cache" not in fetch(client, "/de/ueber-uns/")[0]
    client.cookies.clear()
    client.cookies["messages"] = "x"
    assert "X-Page-Cache" not in fetch(client, "/de/ueber-uns/")[0]


def test_forms_with_a_csrf_token_are_never_cached(client):
    path = "/de/hilfe-und-angebote/angebot/babysitting/"
    first, html = fetch(client, path)
    assert "csrfmiddlewaretoken" in html
    assert "X-Page-Cache" not in first
    second, _ = fetch(client, path)
    assert "X-Page-Cache" not in second
    assert "csrftoken" in second.cookies


def test_searches_errors_and_the_admin_are_not_cached(client):
    for path in ("/de/search/?q=Kiez", "/de/gibt-es-nicht/", "/admin/login/"):
        fetch(client, path)
        assert "X-Page-Cache" not in fetch(client, path)[0], path


def test_cached_pages_keep_their_security_headers(client):
    fetch(client, "/de/ueber-uns/")
    response, _ = fetch(client, "/de/ueber-uns/")
    assert response["X-Page-Cache"] == "hit"
    assert response["X-Frame-Options"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_invalidation_listens_only_to_what_residents_see():
    """A receiver on every model would make each bulk delete (expired sessions,
    renditions, old enquiries) load and signal row by row, and clear the cache."""
    from django.contrib.sessions.models import Session
    from django.db.models.signals import post_delete, post_save

    from wagtail.images.models import Rendition
    from wagtail.models import Revision

    from core.page_cache import _invalidate_on_delete, _invalidate_on_save
    from directory.models import Category, Enquiry
    from home.models import SiteSettings

    def ours(signal, model):
        sync_receivers, _async_receivers = signal._live_receivers(model)
        return {_invalidate_on_save, _invalidate_on_delete} & set(sync_receivers)

    for model in (Session, Rendition, Revision, Enquiry):
        assert not ours(post_delete, model) and not ours(post_save, model), model
    assert not post_delete.has_listeners(Session)  # expired sessions go in one DELETE
    for model in (Category, SiteSettings):
        assert ours(post_delete, model) and ours(post_save, model), model
