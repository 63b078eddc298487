"""A provider is shown only when it is live and its consent is on record; an offer
only when it is live, its provider is shown and it is within its period."""

from datetime import timedelta

import pytest

from django.utils import timezone

from directory.models import Offer, Provider, ProviderKind

from .factories import OfferFactory, ProviderFactory
from .helpers import DIRECTORY, offer_url, provider_url, titles


@pytest.mark.django_db
def test_demo_directory_lists_both_areas(client):
    response = client.get(DIRECTORY)
    assert response.status_code == 200
    community, business = response.context["sections"]
    assert community["total"] >= 15 and business["total"] >= 8
    html = response.content.decode()
    assert "Babysitting von Eltern für Eltern" in html


@pytest.mark.django_db
def test_provider_without_consent_is_hidden_everywhere(client, show_all):
    offer = OfferFactory(title="Geheimer Fahrdienst", provider__consent_given_at=None)
    assert "Geheimer Fahrdienst" not in titles(client.get(DIRECTORY))
    assert client.get(provider_url(offer.provider.slug)).status_code == 404
    assert client.get(offer_url(offer.slug)).status_code == 404
    export = client.get(DIRECTORY + "offene-daten/hsds/organizations/").json()
    assert offer.provider.name not in [org["name"] for org in export["contents"]]


@pytest.mark.django_db
def test_provider_that_is_not_live_is_hidden(client, show_all):
    offer = OfferFactory(title="Entwurfsangebot", provider__live=False)
    assert "Entwurfsangebot" not in titles(client.get(DIRECTORY))
    assert client.get(provider_url(offer.provider.slug)).status_code == 404
    assert client.get(offer_url(offer.slug)).status_code == 404


@pytest.mark.django_db
def test_consent_and_live_make_it_public(client, show_all):
    offer = OfferFactory(title="Offenes Angebot")
    assert "Offenes Angebot" in titles(client.get(DIRECTORY))
    assert client.get(provider_url(offer.provider.slug)).status_code == 200
    assert client.get(offer_url(offer.slug)).status_code == 200
    assert offer.provider.is_public


@pytest.mark.django_db
def test_offer_draft_and_period_gating(client):
    provider = ProviderFactory()
    today = timezone.localdate()
    OfferFactory(provider=provider, title="Entwurf", live=False)
    OfferFactory(provider=provider, title="Abgelaufen", active_until=today - timedelta(days=1))
    OfferFactory(provider=provider, title="Zukünftig", active_from=today + timedelta(days=1))
    OfferFactory(provider=provider, title="Läuft heute aus", active_until=today)
    shown = [offer.title for offer in Offer.objects.public()]
    listed = client.get(provider_url(provider.slug)).context["offers"]
    assert [offer.title for offer in listed] == ["Läuft heute aus"]
    assert "Entwurf" not in shown and "Abgelaufen" not in shown


@pytest.mark.django_db
def test_unpublishing_a_provider_hides_it(client):
    provider = Provider.objects.get(slug="tischlerei-brandt")
    assert client.get(provider_url(provider.slug)).status_code == 200
    provider.unpublish()
    assert client.get(provider_url(provider.slug)).status_code == 404
    assert not Offer.objects.public().filter(provider=provider).exists()


@pytest.mark.django_db
def test_consent_record_must_be_complete():
    from django.core.exceptions import ValidationError

    provider = ProviderFactory.build(consent_method="", consent_recorded_by="")
    with pytest.raises(ValidationError) as error:
        provider.clean()
    assert "consent_method" in error.value.message_dict


@pytest.mark.django_db
def test_slug_unique_per_language():
    from django.core.exceptions import ValidationError

    existing = ProviderFactory()
    clash = ProviderFactory.build(slug=existing.slug, consent_method="written", consent_recorded_by="x")
    with pytest.raises(ValidationError) as error:
        clash.clean()
    assert "slug" in error.value.message_dict


@pytest.mark.django_db
def test_business_and_community_are_separate_areas(client):
    OfferFactory(title="Gewerbeangebot", provider__kind=ProviderKind.BUSINESS)
    OfferFactory(title="Vereinsangebot", provider__kind=ProviderKind.CLUB)
    business = titles(client.get(DIRECTORY + "gewerbe/"))
    community = titles(client.get(DIRECTORY + "nachbarschaftshilfe/", {"kind": "club"}))
    assert "Gewerbeangebot" in business and "Gewerbeangebot" not in community
    assert "Vereinsangebot" in community and "Vereinsangebot" not in business
