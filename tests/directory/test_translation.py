"""Providers and offers translate with wagtail-localize: a sync creates the English
version, which the English directory then shows instead of the German one."""

import pytest

from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from directory.models import Category, Offer, Provider

from .helpers import offer_url, provider_url


def translate(instance, locale):
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    # Untranslated strings fall back to the German source, as in the admin.
    source.create_or_update_translation(locale, fallback=True)
    return type(instance).objects.get(translation_key=instance.translation_key, locale=locale)


@pytest.mark.django_db
def test_translate_provider_category_and_offer_round_trip(client):
    english = Locale.objects.get_or_create(language_code="en")[0]
    category = translate(Category.objects.get(slug="gesundheit"), english)
    provider = translate(Provider.objects.get(slug="fusspflege-albers"), english)
    offer = translate(Offer.objects.get(slug="mobile-fusspflege"), english)

    # Synchronised fields follow the source; references point to the English versions.
    assert provider.consent_given_at is not None and provider.email == "praxis@fusspflege-albers.example.org"
    assert offer.provider_id == provider.pk
    assert offer.category_id == category.pk
    assert offer.price_amount == 42

    # A second sync after a change in German updates, never duplicates.
    german = Offer.objects.get(slug="mobile-fusspflege", locale__language_code="de")
    german.price_amount = 45
    german.save()
    translate(german, english)
    assert Offer.objects.filter(translation_key=german.translation_key).count() == 2
    assert Offer.objects.get(pk=offer.pk).price_amount == 45

    response = client.get(provider_url(provider.slug, "en"))
    assert response.status_code == 200
    shown = [o.pk for o in response.context["offers"]]
    assert offer.pk in shown and german.pk not in shown
    assert offer.live and provider.live
    assert client.get(offer_url(offer.slug, "en")).status_code == 200
