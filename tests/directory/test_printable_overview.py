"""The printable "Wegweiser": every public provider and offer and the helpful links on
one page, and nothing that residents may not see."""

import datetime
import io

import pytest
from pypdf import PdfReader

from django.utils import timezone

from directory.models import Offer, Provider
from helpful_links.models import HelpfulLink

from .factories import OfferFactory, ProviderFactory
from .helpers import DIRECTORY

WEGWEISER = DIRECTORY + "wegweiser/"


@pytest.mark.django_db
def test_lists_every_public_provider_and_offer(client):
    html = client.get(WEGWEISER).content.decode()
    providers = Provider.objects.public().filter(locale__language_code="de")
    offers = Offer.objects.public().filter(locale__language_code="de")
    assert providers.count() >= 10 and offers.count() >= 20
    for provider in providers:
        assert f"/anbieter/{provider.slug}/" in html, provider.name
    for offer in offers:
        assert f"/angebot/{offer.slug}/" in html, offer.title
    # Whole addresses, for paper.
    assert 'href="http://testserver/de/hilfe-und-angebote/angebot/' in html


@pytest.mark.django_db
def test_lists_helpful_links_by_category(client):
    html = client.get(WEGWEISER).content.decode()
    link = HelpfulLink.objects.filter(category__isnull=False).select_related("category").first()
    assert link.title in html
    assert link.category.name in html


@pytest.mark.django_db
def test_leaves_out_what_is_not_public(client):
    unconsented = ProviderFactory(name="Ohne Einwilligung", slug="ohne-einwilligung", consent_given_at=None)
    draft = ProviderFactory(name="Entwurfsanbieter", slug="entwurfsanbieter", live=False)
    public = ProviderFactory(name="Öffentlicher Anbieter", slug="oeffentlich")
    OfferFactory(provider=unconsented, title="Angebot ohne Einwilligung", slug="a-ohne")
    OfferFactory(provider=draft, title="Angebot vom Entwurf", slug="a-entwurf")
    OfferFactory(provider=public, title="Entwurfsangebot", slug="a-draft", live=False)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    OfferFactory(provider=public, title="Abgelaufenes Angebot", slug="a-alt", active_until=yesterday)
    OfferFactory(provider=public, title="Sichtbares Angebot", slug="a-sichtbar")
    html = client.get(WEGWEISER).content.decode()
    assert "Öffentlicher Anbieter" in html and "Sichtbares Angebot" in html
    for hidden in (
        "Ohne Einwilligung",
        "Entwurfsanbieter",
        "Angebot ohne Einwilligung",
        "Angebot vom Entwurf",
        "Entwurfsangebot",
        "Abgelaufenes Angebot",
    ):
        assert hidden not in html


@pytest.mark.django_db
def test_is_linked_from_the_directory_and_the_helpful_links(client):
    assert 'href="/de/hilfe-und-angebote/wegweiser/"' in client.get(DIRECTORY).content.decode()
    assert 'href="/de/hilfe-und-angebote/wegweiser/"' in client.get("/de/hilfreiches/").content.decode()
    assert 'href="/en/hilfe-und-angebote/wegweiser/"' in client.get("/en/hilfreiches/").content.decode()


@pytest.mark.django_db
def test_answers_in_every_language_and_ignores_bad_parameters(client):
    for language in ("de", "en", "ar"):
        assert client.get(f"/{language}/hilfe-und-angebote/wegweiser/?page=x&category=%00").status_code == 200


def pdf_text(content):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.mark.django_db
def test_the_wegweiser_as_pdf_lists_every_public_provider_and_offer(client):
    response = client.get(WEGWEISER + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('inline; filename="wegweiser-')
    text = " ".join(pdf_text(response.content).split())
    for provider in Provider.objects.public().filter(locale__language_code="de"):
        assert " ".join(provider.name.split()) in text, provider.name
    for offer in Offer.objects.public().filter(locale__language_code="de"):
        assert offer.title in text, offer.title
    # Printed from the print stylesheet: no navigation; each entry with its phone,
    # not with the web address of its page.
    assert "Zum Inhalt springen" not in text
    assert "Telefon:" in text
    assert "http://testserver/de/hilfe-und-angebote/angebot/" not in text.replace(" ", "")


@pytest.mark.django_db
def test_the_html_wegweiser_links_its_pdf(client):
    html = client.get(WEGWEISER).content.decode()
    assert f'href="{WEGWEISER}pdf/" type="application/pdf"' in html


def test_the_pdf_fetcher_reads_only_the_sites_own_files(settings, tmp_path):
    from core.pdf import local_file

    settings.STATIC_ROOT = tmp_path
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "site.css").write_text("p {}")
    assert local_file("http://testserver/static/home/site.css", "testserver") == tmp_path / "home" / "site.css"
    # Not collected: found in the app, as during development.
    assert local_file("http://testserver/static/home/css/quartier.css", "testserver").name == "quartier.css"
    for address in (
        "https://cdn.example.com/static/home/site.css",
        "http://testserver/static/../../etc/passwd",
        "http://testserver/static/%2e%2e/%2e%2e/etc/passwd",
        "file:///etc/passwd",
        "http://testserver/de/",
    ):
        assert local_file(address, "testserver") is None, address


@pytest.mark.django_db
def test_the_pdf_is_made_once_until_the_content_changes(client, monkeypatch, django_capture_on_commit_callbacks):
    from django.core.cache import cache

    from core import pdf

    cache.clear()  # another test may have made today's PDF already
    made = []
    original = pdf.render_pdf

    def counting(*args, **kwargs):
        made.append(True)
        return original(*args, **kwargs)

    monkeypatch.setattr(pdf, "render_pdf", counting)
    first = client.get(WEGWEISER + "pdf/")
    # A random query string does not make another one.
    assert client.get(WEGWEISER + "pdf/?x=1").content == first.content
    assert made == [True]
    offer = Offer.objects.public().filter(locale__language_code="de").first()
    offer.title = "Neu im Wegweiser"
    with django_capture_on_commit_callbacks(execute=True):
        offer.save_revision().publish()
    assert "Neu im Wegweiser" in pdf_text(client.get(WEGWEISER + "pdf/").content)
    assert made == [True, True]


@pytest.mark.django_db
def test_without_pdf_support_the_answer_is_503_with_advice(client, monkeypatch):
    import sys

    from django.core.cache import cache

    cache.clear()
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import fails, as without Pango
    response = client.get(WEGWEISER + "pdf/")
    assert response.status_code == 503
    assert "Druckfunktion Ihres Browsers" in response.content.decode()
