"""The open export of the directory in the shape of Open Referral HSDS 3.0.

Providers are organizations, offers their services, the address a location, the
contact person a contact. Identifiers are UUIDs that stay the same across exports and
languages: the snippet's translation_key, or a UUID derived from it for the parts.
Only what residents can see is exported (consent on record, live, in its period).
"""

import json
import re
import uuid

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils.html import strip_tags

from core.addresses import absolute

from .models import PriceModel
from .views.queries import public_offers, public_providers

# Any fixed UUID: it only namespaces the derived identifiers.
NAMESPACE = uuid.UUID("6a2b7e1c-93a4-4f5e-8d0b-3c1f2a4e9b70")


def derived_id(key, part):
    return str(uuid.uuid5(NAMESPACE, f"{key}:{part}"))


def _text(html):
    """Rich text as plain text, one line per paragraph, heading or list item."""
    separated = re.sub(r"(?i)</(p|h[1-6]|li|blockquote)>|<br\s*/?>", "\n", html)
    lines = (" ".join(line.split()) for line in strip_tags(separated).splitlines())
    return "\n".join(line for line in lines if line)


def _phones(key, number, **link):
    if not number:
        return []
    return [{"id": derived_id(key, "phone"), "number": number, "type": "voice", **link}]


# ISO 639 codes of the languages providers name, as they write them (German, English or
# the language's own name): HSDS wants the code, people write the name.
LANGUAGE_CODES = {
    "de": ("deutsch", "german"),
    "en": ("englisch", "english"),
    "tr": ("türkisch", "turkish", "türkçe"),
    "ar": ("arabisch", "arabic", "العربية"),
    "uk": ("ukrainisch", "ukrainian", "українська"),
    "ru": ("russisch", "russian", "русский"),
    "pl": ("polnisch", "polish", "polski"),
    "fr": ("französisch", "french", "français"),
    "es": ("spanisch", "spanish", "español"),
    "it": ("italienisch", "italian", "italiano"),
    "fa": ("persisch", "farsi", "persian"),
    "ku": ("kurdisch", "kurdish", "kurdî"),
    "el": ("griechisch", "greek"),
    "ro": ("rumänisch", "romanian", "română"),
    "bg": ("bulgarisch", "bulgarian"),
    "sr": ("serbisch", "serbian"),
    "hr": ("kroatisch", "croatian"),
    "sq": ("albanisch", "albanian"),
    "vi": ("vietnamesisch", "vietnamese"),
    "zh": ("chinesisch", "chinese"),
    "pt": ("portugiesisch", "portuguese"),
    "ti": ("tigrinya",),
    "so": ("somali",),
    "ps": ("paschtu", "pashto"),
    "prs": ("dari",),
    "gsg": ("deutsche gebärdensprache", "gebärdensprache", "dgs", "german sign language"),
}
CODE_OF_LANGUAGE = {name: code for code, names in LANGUAGE_CODES.items() for name in names}


def _languages(key, spoken, **owner):
    """HSDS language entries of a comma-separated list as typed ("Deutsch, Türkisch"),
    with the ISO 639 code where the name is known, for a location or a service."""
    entries = []
    for name in (part.strip() for part in spoken.split(",")):
        if not name:
            continue
        entry = {"id": derived_id(key, f"language:{name}"), **owner, "name": name}
        if code := CODE_OF_LANGUAGE.get(name.casefold()):
            entry["code"] = code
        entries.append(entry)
    return entries


def service_data(request, page, offer, organization_id):
    key = str(offer.translation_key)
    data = {
        "id": key,
        "organization_id": organization_id,
        "name": offer.title,
        "description": _text(offer.description) or offer.summary,
        "url": absolute(page.base_url(request) + page.reverse_subpage("offer", args=[offer.slug])),
        "status": "active",
        "fees_description": str(offer.price_label) + (f" – {offer.price_note}" if offer.price_note else ""),
        "eligibility_description": ", ".join(str(group.label) for group in offer.target_groups),
        "last_modified": offer.updated_at.isoformat(),
        "service_areas": (
            [{"id": derived_id(key, "area"), "service_id": key, "name": offer.area_served}] if offer.area_served else []
        ),
        "cost_options": [],
        "languages": _languages(key, offer.provider.languages, service_id=key),
    }
    if offer.price_model == PriceModel.FREE:
        data["cost_options"] = [
            {"id": derived_id(key, "cost"), "service_id": key, "option": "free", "currency": "EUR", "amount": 0}
        ]
    elif offer.price_amount is not None or offer.price_model in (PriceModel.DONATION, PriceModel.ON_REQUEST):
        # A donation or a price on request is a cost option too, with an amount only
        # where one is given (a suggested donation).
        option = {
            "id": derived_id(key, "cost"),
            "service_id": key,
            "option": offer.price_model,
            "currency": "EUR",
            "amount_description": " – ".join(filter(None, [str(offer.price_label), offer.price_note])),
        }
        if offer.price_amount is not None:
            option["amount"] = float(offer.price_amount)
        data["cost_options"] = [option]
    if offer.active_from:
        for option in data["cost_options"]:
            option["valid_from"] = offer.active_from.isoformat()
    if offer.active_until:
        for option in data["cost_options"]:
            option["valid_to"] = offer.active_until.isoformat()
    return data


def organization_data(request, page, provider, offers):
    key = str(provider.translation_key)
    data = {
        "id": key,
        "name": provider.name,
        "description": _text(provider.description) or provider.summary,
        "uri": absolute(page.base_url(request) + page.reverse_subpage("provider", args=[provider.slug])),
        "phones": _phones(key, provider.phone, organization_id=key),
        "contacts": [],
        "locations": [],
        "services": [service_data(request, page, offer, key) for offer in offers],
    }
    if provider.email:
        data["email"] = provider.email
    if provider.website:
        data["website"] = provider.website
    # A contact is a person; without a name the organisation's e-mail and phone say it all.
    if provider.contact_name:
        contact_id = derived_id(key, "contact")
        contact = {"id": contact_id, "organization_id": key, "name": provider.contact_name}
        if provider.email:
            contact["email"] = provider.email
        contact["phones"] = _phones(contact_id, provider.phone, contact_id=contact_id)
        data["contacts"].append(contact)
    if provider.street and provider.city:
        location_id = derived_id(key, "location")
        location = {
            "id": location_id,
            "location_type": "physical",
            "organization_id": key,
            "name": provider.name,
            "addresses": [
                {
                    "id": derived_id(key, "address"),
                    "location_id": location_id,
                    "address_1": provider.street,
                    "city": provider.city,
                    "state_province": getattr(settings, "DIRECTORY_STATE_PROVINCE", "") or provider.city,
                    "postal_code": provider.postcode,
                    "country": "DE",
                    "address_type": "physical",
                }
            ],
            "accessibility": (
                [
                    {
                        "id": derived_id(key, "accessibility"),
                        "location_id": location_id,
                        "description": provider.accessibility,
                    }
                ]
                if provider.accessibility
                else []
            ),
            "languages": _languages(key, provider.languages, location_id=location_id),
            # Opening hours are typed as text ("Mo-Fr 9-12 Uhr"): a schedule's
            # description, which HSDS has for what is not an RRULE.
            "schedules": (
                [{"id": derived_id(key, "schedule"), "location_id": location_id, "description": provider.opening_hours}]
                if provider.opening_hours
                else []
            ),
        }
        data["locations"].append(location)
    return data


def _directory(request, page):
    providers = list(public_providers(request).order_by("name"))
    offers_by_provider = {}
    for offer in public_offers(request).select_related("category", "provider").order_by("title"):
        offers_by_provider.setdefault(offer.provider.translation_key, []).append(offer)
    return [
        organization_data(request, page, provider, offers_by_provider.get(provider.translation_key, []))
        for provider in providers
    ]


def _paged(contents):
    """The page envelope of HSDS's API, here with everything on one page."""
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }


def _json_response(data):
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    # Open data: any site may load it.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def organizations_view(request, page):
    return _json_response(_paged(_directory(request, page)))


def services_view(request, page):
    services = []
    for organization in _directory(request, page):
        summary = {key: organization[key] for key in ("id", "name", "description")}
        for service in organization["services"]:
            services.append({**service, "organization": summary})
    return _json_response(_paged(services))
