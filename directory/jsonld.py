"""schema.org JSON-LD for the provider and offer pages, so that search engines and
assistants read who offers what, where and at what price."""

from django.utils.html import strip_tags

from core.addresses import absolute
from core.jsonld import as_script

from .models import PriceModel, ProviderKind


def _organization(request, provider):
    data = {
        "@type": "LocalBusiness" if provider.kind == ProviderKind.BUSINESS else "Organization",
        "name": provider.name,
        "description": provider.summary,
    }
    if url := getattr(provider, "detail_url", ""):
        data["url"] = absolute(url)
    if provider.phone:
        data["telephone"] = provider.phone
    if provider.email:
        data["email"] = provider.email
    if provider.website:
        data["sameAs"] = provider.website
    if provider.street or provider.city:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": provider.street,
            "postalCode": provider.postcode,
            "addressLocality": provider.city,
            "addressCountry": "DE",
        }
    if provider.kind == ProviderKind.BUSINESS and provider.opening_hours_lines:
        # Free text, not the structured openingHours syntax, which editors cannot be
        # expected to write.
        data["openingHours"] = provider.opening_hours_lines
    if provider.languages:
        data["knowsLanguage"] = [part.strip() for part in provider.languages.split(",") if part.strip()]
    return data


def _offer(request, offer):
    data = {"@type": "Offer", "priceCurrency": "EUR"}
    if offer.price_model == PriceModel.FREE:
        data["price"] = "0"
    elif offer.price_amount is not None and offer.price_model in (PriceModel.HOURLY, PriceModel.FLAT):
        # A suggested donation or a price on request is no price: the description says it.
        data["price"] = str(offer.price_amount)
        if offer.price_model == PriceModel.HOURLY:
            data["priceSpecification"] = {
                "@type": "UnitPriceSpecification",
                "price": str(offer.price_amount),
                "priceCurrency": "EUR",
                "unitCode": "HUR",
            }
    data["description"] = str(offer.price_label) + (f" – {offer.price_note}" if offer.price_note else "")
    service = {"@type": "Service", "name": offer.title, "description": offer.summary}
    if offer.category_id:
        service["category"] = offer.category.name
    if offer.area_served:
        service["areaServed"] = offer.area_served
    if url := getattr(offer, "detail_url", ""):
        service["url"] = absolute(url)
    data["itemOffered"] = service
    return data


def provider_jsonld(request, provider, offers):
    data = {"@context": "https://schema.org", **_organization(request, provider)}
    if provider.description:
        data["description"] = strip_tags(provider.description).strip() or provider.summary
    if offers:
        data["makesOffer"] = [_offer(request, offer) for offer in offers]
    return as_script(data)


def offer_jsonld(request, offer):
    data = {"@context": "https://schema.org", **_offer(request, offer)}
    data["offeredBy"] = _organization(request, offer.provider)
    data["itemOffered"]["provider"] = {"@type": data["offeredBy"]["@type"], "name": offer.provider.name}
    return as_script(data)
