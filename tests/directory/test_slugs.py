"""A provider or offer saved without a slug gets one from its name, German letters
written out and a number where the language has it already: publishing no longer
fails on a field nobody thought of."""

import pytest

from directory.models import Offer, Provider

from .test_provider_permissions import provider_form

pytestmark = pytest.mark.django_db


def test_a_new_provider_without_slug_is_published_with_one_from_its_name(editor_client):
    template = Provider.objects.filter(locale__language_code="de").first()
    data = provider_form(template, name="Fußpflege Müller", slug="", **{"action-publish": "action-publish"})
    response = editor_client.post("/admin/snippets/directory/provider/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    provider = Provider.objects.get(name="Fußpflege Müller")
    assert provider.slug == "fusspflege-mueller" and provider.live


def test_a_taken_slug_gets_a_number():
    offer = Offer.objects.filter(locale__language_code="de").first()
    twin = Offer(provider=offer.provider, title=offer.title, summary="x", locale=offer.locale)
    twin.clean()
    assert twin.slug.startswith(offer.slug) and twin.slug != offer.slug
