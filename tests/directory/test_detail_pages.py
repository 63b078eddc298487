"""Provider and offer pages: readable addresses, contact, address, opening hours,
accessibility, the provider's other offers, schema.org JSON-LD; languages."""

import json
import re

import pytest

from django.test import override_settings

from wagtail.models import Locale

from directory.models import Offer, PriceModel, Provider
from tests.sitemaps import sitemap_locations

from .factories import OfferFactory
from .helpers import DIRECTORY, offer_url, provider_url


def jsonld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD"
    return json.loads(match.group(1))


@pytest.mark.django_db
def test_provider_page_shows_contact_place_and_offers(client):
    response = client.get(provider_url("fusspflege-albers"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Fußpflege Petra Albers</h1>" in html
    assert 'href="tel:03023125442"' in html
    assert 'href="mailto:praxis@fusspflege-albers.example.org"' in html
    assert "Lindenstraße 38<br>10999 Berlin" in html
    assert "Montag bis Donnerstag 9–17 Uhr" in html
    assert "eine Stufe mit Rampe" in html
    assert f'href="{offer_url("mobile-fusspflege")}"' in html
    assert "42,00 € pro Stunde" in html


@pytest.mark.django_db
def test_provider_jsonld_is_a_local_business_with_offers(client):
    data = jsonld(client.get(provider_url("fusspflege-albers")).content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "LocalBusiness"
    assert data["address"]["streetAddress"] == "Lindenstraße 38"
    assert data["telephone"] == "030 23125 442"
    prices = {offer["itemOffered"]["name"]: offer for offer in data["makesOffer"]}
    assert prices["Mobile Fußpflege"]["priceSpecification"]["unitCode"] == "HUR"
    assert prices["Fußpflege in der Praxis"]["price"] == "34.00"


@pytest.mark.django_db
def test_volunteer_provider_is_an_organization(client):
    data = jsonld(client.get(provider_url("nachbarschaftshilfe-lindenkiez")).content.decode())
    assert data["@type"] == "Organization"
    assert {offer["price"] for offer in data["makesOffer"]} == {"0"}


@pytest.mark.django_db
def test_offer_page_shows_price_provider_and_other_offers(client):
    html = client.get(offer_url("mobile-fusspflege")).content.decode()
    assert "<h1>Mobile Fußpflege</h1>" in html
    assert "42,00 € pro Stunde – zuzüglich 5 € Anfahrt" in html
    assert "Ältere Menschen, Menschen mit Behinderung" in html
    assert "Mehr von Fußpflege Petra Albers" in html
    assert f'href="{offer_url("fusspflege-praxis")}"' in html
    assert f'href="{provider_url("fusspflege-albers")}"' in html
    data = jsonld(html)
    assert data["@type"] == "Offer"
    assert data["itemOffered"]["@type"] == "Service"
    assert data["offeredBy"]["name"] == "Fußpflege Petra Albers"
    assert data["itemOffered"]["url"] == "http://testserver" + offer_url("mobile-fusspflege")


@pytest.mark.django_db
def test_jsonld_cannot_be_broken_out_of(client):
    OfferFactory(title="</script><script>alert(1)</script>", slug="boese", summary="<!-- x")
    html = client.get(offer_url("boese")).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert jsonld(html)["itemOffered"]["name"] == "</script><script>alert(1)</script>"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["anbieter/gibt-es-nicht/", "angebot/gibt-es-nicht/", "angebot/x/danke/"])
def test_unknown_slugs_are_404(client, path):
    assert client.get(DIRECTORY + path).status_code == 404


@pytest.mark.django_db
def test_pages_in_english_fall_back_to_german_content(client):
    response = client.get(offer_url("mobile-fusspflege", "en"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mobile Fußpflege" in html
    assert "Ask for this offer" in html
    assert client.get("/en/hilfe-und-angebote/?category=gesundheit").status_code == 200


@pytest.mark.django_db
def test_translated_offer_is_shown_in_english_and_german_address_redirects(client):
    english = Locale.objects.get_or_create(language_code="en")[0]
    offer = Offer.objects.get(slug="mobile-fusspflege")
    translation = offer.copy_for_translation(english)
    translation.title = "Mobile foot care"
    translation.slug = "mobile-foot-care"
    translation.provider = offer.provider
    translation.save()
    listing = client.get("/en/hilfe-und-angebote/gewerbe/")
    titles = [o.title for o in listing.context["sections"][0]["offers"]]
    assert "Mobile foot care" in titles and "Mobile Fußpflege" not in titles
    response = client.get(offer_url("mobile-fusspflege", "en"))
    assert response.status_code == 302
    assert response["Location"] == offer_url("mobile-foot-care", "en")
    assert client.get(offer_url("mobile-foot-care", "en")).status_code == 200
    # German readers keep the German offer.
    assert client.get(offer_url("mobile-fusspflege")).status_code == 200


@pytest.mark.django_db
def test_directory_page_is_in_the_menu(client):
    html = client.get("/de/").content.decode()
    nav = html[html.index('class="main-nav"') :]
    assert 'href="/de/hilfe-und-angebote/"' in nav[: nav.index("</nav>")]


@pytest.mark.django_db
def test_demo_has_the_offers_a_neighbourhood_needs():
    assert Provider.objects.public().count() == 15
    assert Offer.objects.public().count() >= 30
    assert set(Provider.objects.values_list("kind", flat=True)) == {"business", "volunteer", "club", "institution"}
    assert not Provider.objects.filter(consent_given_at__isnull=True).exists()
    assert Offer.objects.get(slug="seniorenfahrdienst-lindenmobil").price_model == "free"
    assert Offer.objects.get(slug="mobile-fusspflege").price_model == "hourly"


@pytest.mark.django_db
def test_sitemap_lists_providers_and_offers(client):
    xml = "\n".join(sitemap_locations(client))
    assert "/de/hilfe-und-angebote/anbieter/tischlerei-brandt/" in xml
    assert "/de/hilfe-und-angebote/angebot/repair-cafe/" in xml
    assert "/de/hilfe-und-angebote/gewerbe/" in xml
    hidden = OfferFactory(slug="nicht-in-der-sitemap", provider__consent_given_at=None)
    assert hidden.slug not in "\n".join(sitemap_locations(client))


@pytest.mark.django_db
@pytest.mark.parametrize("model", [Provider, Offer])
def test_preview_renders_the_detail_page(rf, model):
    from django.template.loader import render_to_string

    obj = model.objects.first()
    request = rf.get("/")
    context = obj.get_preview_context(request, "")
    html = render_to_string(obj.get_preview_template(request, ""), context, request=request)
    assert str(obj) in html


@pytest.mark.django_db
def test_each_reader_gets_a_form_of_their_own(client):
    from django.test import Client

    first = client.get(offer_url("mobile-fusspflege")).content.decode()
    second = Client().get(offer_url("mobile-fusspflege")).content.decode()

    def token(html):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    assert token(first) != token(second)
    assert "42,00 € pro Stunde – zuzüglich 5 € Anfahrt" in second


@pytest.mark.django_db
def test_a_published_change_of_the_provider_shows_on_its_offers_at_once(client):
    assert "Neue Telefonnummer" not in client.get(offer_url("mobile-fusspflege")).content.decode()
    provider = Provider.objects.get(slug="fusspflege-albers")
    provider.contact_name = "Neue Telefonnummer"
    provider.save_revision().publish()
    assert "Neue Telefonnummer" in client.get(offer_url("mobile-fusspflege")).content.decode()
    assert "Neue Telefonnummer" in client.get(provider_url("fusspflege-albers")).content.decode()


@pytest.mark.django_db
@override_settings(ALLOWED_HOSTS=["testserver", "kiez.example.org"])
def test_structured_data_names_the_base_url_whatever_host_was_asked(client):
    path = provider_url("fusspflege-albers")
    assert jsonld(client.get(path).content.decode())["url"] == "http://testserver" + path
    other = jsonld(client.get(path, HTTP_HOST="kiez.example.org").content.decode())
    assert other["url"] == "http://testserver" + path


@pytest.mark.django_db
def test_a_donation_or_a_price_on_request_carries_no_price(client):
    for price_model in (PriceModel.DONATION, PriceModel.ON_REQUEST):
        offer = OfferFactory(price_model=price_model, price_amount="10.00", price_note="nach Absprache")
        offered = jsonld(client.get(offer_url(offer.slug)).content.decode())
        assert "price" not in offered, price_model
        assert "nach Absprache" in offered["description"]
