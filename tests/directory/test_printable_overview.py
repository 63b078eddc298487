"""The printable "Wegweiser": every public provider and offer and the helpful links on
one page, and nothing that residents may not see."""

import datetime

import pytest

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
