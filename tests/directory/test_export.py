"""The open export follows Open Referral HSDS 3.0: valid against the official schemas
(kept in hsds/ next to this module, no network), and it matches the directory's content."""

import json
import uuid
from functools import cache
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from directory.export import _text
from directory.models import Offer, PriceModel, Provider

from .factories import OfferFactory
from .helpers import DIRECTORY

SCHEMA_DIR = Path(__file__).resolve().parent / "hsds"
ORGANIZATIONS = DIRECTORY + "offene-daten/hsds/organizations/"
SERVICES = DIRECTORY + "offene-daten/hsds/services/"


@cache
def validator(name):
    schema = json.loads((SCHEMA_DIR / name).read_text())
    return Draft202012Validator(schema, format_checker=FormatChecker())


def assert_valid(name, instance):
    errors = sorted(validator(name).iter_errors(instance), key=lambda error: list(error.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


@pytest.mark.django_db
def test_organizations_are_valid_hsds(client):
    response = client.get(ORGANIZATIONS)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = response.json()
    assert data["total_items"] == len(data["contents"]) == Provider.objects.public().count()
    for organization in data["contents"]:
        assert_valid("organization.json", organization)
        assert_valid("organization_list.json", {k: v for k, v in organization.items() if not isinstance(v, list)})
        for service in organization["services"]:
            assert_valid("service.json", service)


@pytest.mark.django_db
def test_services_are_valid_hsds(client):
    data = client.get(SERVICES).json()
    assert data["total_items"] == Offer.objects.public().count() == 31
    for service in data["contents"]:
        assert_valid("service.json", service)
        assert_valid("service_list.json", {k: v for k, v in service.items() if not isinstance(v, list)})


@pytest.mark.django_db
def test_export_matches_the_content(client):
    data = client.get(ORGANIZATIONS).json()
    by_name = {organization["name"]: organization for organization in data["contents"]}
    albers = by_name["Fußpflege Petra Albers"]
    provider = Provider.objects.get(slug="fusspflege-albers")
    assert albers["id"] == str(provider.translation_key)
    assert albers["email"] == "praxis@fusspflege-albers.example.org"
    assert albers["phones"][0]["number"] == "030 23125 442"
    address = albers["locations"][0]["addresses"][0]
    assert (address["address_1"], address["postal_code"], address["city"]) == ("Lindenstraße 38", "10999", "Berlin")
    assert albers["uri"] == "http://testserver/de/hilfe-und-angebote/anbieter/fusspflege-albers/"
    services = {service["name"]: service for service in albers["services"]}
    assert set(services) == {"Mobile Fußpflege", "Fußpflege in der Praxis"}
    hourly = services["Mobile Fußpflege"]["cost_options"][0]
    assert (hourly["option"], hourly["amount"], hourly["currency"]) == ("hourly", 42.0, "EUR")
    assert "42,00 € pro Stunde" in services["Mobile Fußpflege"]["fees_description"]
    free = by_name["Nachbarschaftshilfe Lindenkiez e. V."]["services"]
    assert {service["cost_options"][0]["option"] for service in free} == {"free"}
    # Identifiers are UUIDs and unique.
    ids = [albers["id"], *(service["id"] for service in albers["services"])]
    assert all(uuid.UUID(value) for value in ids) and len(set(ids)) == len(ids)


@pytest.mark.django_db
def test_export_leaves_out_what_residents_cannot_see(client):
    hidden = OfferFactory(title="Versteckt", provider__consent_given_at=None)
    draft = OfferFactory(title="Entwurf", live=False)
    names = [service["name"] for service in client.get(SERVICES).json()["contents"]]
    assert "Versteckt" not in names and "Entwurf" not in names
    organizations = [org["name"] for org in client.get(ORGANIZATIONS).json()["contents"]]
    assert hidden.provider.name not in organizations
    assert draft.provider.name in organizations


@pytest.mark.django_db
def test_export_is_linked_from_the_directory(client):
    html = client.get(DIRECTORY).content.decode()
    assert f'href="{ORGANIZATIONS}"' in html


def test_rich_text_keeps_its_paragraphs_apart():
    html = "<p>Wir kommen am Abend.</p><p>Fragen   Sie<br/>uns.</p><ul><li>Eins</li><li>Zwei</li></ul>"
    assert _text(html) == "Wir kommen am Abend.\nFragen Sie\nuns.\nEins\nZwei"


@pytest.mark.django_db
def test_donations_and_prices_on_request_are_cost_options_and_contacts_have_names(client, show_all):
    donation = OfferFactory(price_model=PriceModel.DONATION, price_note="Spende erbeten")
    on_request = OfferFactory(price_model=PriceModel.ON_REQUEST, price_amount="25.00", provider=donation.provider)
    data = client.get(ORGANIZATIONS).json()
    organization = next(item for item in data["contents"] if item["name"] == donation.provider.name)
    services = {service["name"]: service for service in organization["services"]}
    [given] = services[donation.title]["cost_options"]
    assert (given["option"], "amount" in given) == ("donation", False)
    assert "Spende erbeten" in given["amount_description"]
    [asked] = services[on_request.title]["cost_options"]
    assert (asked["option"], asked["amount"]) == ("on_request", 25.0)
    assert all("alternate_name" not in service for service in organization["services"])
    assert_valid("organization.json", organization)
    for item in data["contents"]:
        assert all(contact["name"] for contact in item["contacts"]), item["name"]


@pytest.mark.django_db
def test_languages_carry_iso_codes_on_locations_and_services_and_hours_are_schedules(client):
    provider = Provider.objects.exclude(languages="").exclude(opening_hours="").exclude(street="").first()
    Provider.objects.filter(pk=provider.pk).update(languages="Deutsch, Türkisch, Gebärdensprache, Klingonisch")
    data = client.get(ORGANIZATIONS).json()
    (organization,) = [item for item in data["contents"] if item["id"] == str(provider.translation_key)]
    assert_valid("organization.json", organization)
    location = organization["locations"][0]
    codes = {language["name"]: language.get("code") for language in location["languages"]}
    assert codes == {"Deutsch": "de", "Türkisch": "tr", "Gebärdensprache": "gsg", "Klingonisch": None}
    for service in organization["services"]:
        assert [language.get("code") for language in service["languages"]] == ["de", "tr", "gsg", None]
        assert all(language["service_id"] == service["id"] for language in service["languages"])
    (schedule,) = location["schedules"]
    assert schedule["description"] == provider.opening_hours and "description" not in location
