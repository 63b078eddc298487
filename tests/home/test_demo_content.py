"""The demo command builds a living site, can run again, and every page it makes renders."""

import io

import pytest

from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils.html import escape

from wagtail.images.models import Image
from wagtail.models import Page

from clubs.models import ClubPage
from directory.models import Offer, Provider
from home.models import SiteSettings
from news.models import EventPage


def load_demo(*args):
    out = io.StringIO()
    call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_demo_runs_twice_without_duplicates():
    pages_before, images_before = Page.objects.count(), Image.objects.count()
    load_demo("--without-translations")
    assert (Page.objects.count(), Image.objects.count()) == (pages_before, images_before)


@pytest.mark.django_db
def test_demo_is_skipped_on_a_site_with_content():
    assert "already has content" in load_demo("--if-empty")


@pytest.mark.django_db
def test_demo_sets_the_contact_person():
    settings = SiteSettings.objects.get()
    assert settings.contact_name == "Sabine Kaya"
    assert settings.contact_photo is not None
    assert len(settings.office_hours) == 2
    assert settings.imprint_page.slug == "impressum"


@pytest.mark.django_db
def test_demo_images_are_generated_locally_with_descriptions():
    for image in Image.objects.all():
        assert image.description
        assert image.file.name.endswith(".png")
        assert image.width > 0


@pytest.mark.django_db
def test_every_demo_page_renders_in_both_languages(client):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert len(pages) >= 5
    for page in pages:
        for language in ("de", "en"):
            path = f"/{language}{page.url_path.removeprefix('/home')}"
            response = client.get(path)
            assert response.status_code == 200, path


@pytest.mark.django_db
def test_editors_can_open_every_demo_page_in_the_admin(editor_client):
    """The rich text of the demo is in the database format Wagtail's editor reads
    (it once stored "<br>", and the imprint answered 500 in the admin)."""
    failing = [
        page.url_path
        for page in Page.objects.filter(depth__gt=1)
        if editor_client.get(f"/admin/pages/{page.pk}/edit/").status_code != 200
    ]
    assert failing == []


@pytest.mark.django_db
def test_ensure_admin_refuses_without_debug():
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("ensure_admin", stdout=io.StringIO())


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_ensure_admin_creates_one_login_and_prints_it(django_user_model):
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    call_command("ensure_admin", stdout=out)
    assert django_user_model.objects.filter(username="admin", is_superuser=True).count() == 1
    assert "password: quartier-demo" in out.getvalue()
    assert "exists" in out.getvalue()


@pytest.mark.django_db
def test_legal_pages_a_german_site_needs_are_linked_from_every_page(client):
    """Imprint with the § 5 DDG details and the person responsible under § 18 MStV,
    privacy and accessibility statements: each one click away from any page."""
    settings = SiteSettings.objects.get()
    imprint = client.get(settings.imprint_page.url).content.decode()
    assert "§ 5 DDG" in imprint and "§ 18 Abs. 2 MStV" in imprint
    footer = client.get("/de/hilfe-und-angebote/").content.decode().split("<footer", 1)[1]
    for page in (settings.imprint_page, settings.privacy_page, settings.accessibility_page):
        assert f'href="{page.url}"' in footer, page.title


def main_of(html):
    return html[html.index("<main") : html.index("</main>")]


@pytest.mark.django_db
def test_no_demo_page_says_its_lead_twice(client):
    """The summary or teaser is the lead; the text below goes on from it."""

    pages = [(f"/de/hilfe-und-angebote/angebot/{offer.slug}/", offer.summary) for offer in Offer.objects.public()[:5]]
    pages += [(f"/de/hilfe-und-angebote/anbieter/{p.slug}/", p.summary) for p in Provider.objects.public()[:5]]
    pages += [(page.url, page.summary) for page in ClubPage.objects.live()[:3]]
    pages += [(page.url, page.teaser) for page in EventPage.objects.live()[:3]]
    for path, lead in pages:
        html = main_of(client.get(path).content.decode())
        assert html.count(escape(lead)) == 1, path


@pytest.mark.django_db
def test_a_weekly_event_is_described_once_in_the_calendar(client):

    cafe = EventPage.objects.get(slug="nachbarschaftscafe")
    html = main_of(client.get("/de/veranstaltungen/").content.decode())
    assert html.count(f">{cafe.title}</a>") > 3
    assert html.count(escape(cafe.teaser)) == 1
