"""Each filter, their combinations, pagination and bad values: always a 200."""

import re

import pytest

from directory.models import Category, PriceModel, ProviderKind

from .factories import OfferFactory, ProviderFactory
from .helpers import DIRECTORY, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample(db, show_all):
    mobility = Category.objects.get(slug="mobilitaet")
    care = Category.objects.get(slug="gesundheit")
    business = ProviderFactory(name="Zeta GmbH", kind=ProviderKind.BUSINESS)
    club = ProviderFactory(name="Zeta e. V.", kind=ProviderKind.CLUB)
    OfferFactory(provider=club, title="Zeta Fahrten", category=mobility, for_seniors=True)
    OfferFactory(provider=business, title="Zeta Taxi", category=mobility, price_model=PriceModel.FLAT, price_amount=12)
    OfferFactory(
        provider=business,
        title="Zeta Pflege",
        category=care,
        price_model=PriceModel.HOURLY,
        price_amount=30,
        for_seniors=True,
    )
    OfferFactory(provider=club, title="Zeta Kinderfest", category=None, for_children=True)


def zeta(client, path=DIRECTORY, **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return sorted(title for title in titles(response) if title.startswith("Zeta"))


def test_category_filter(client, sample):
    assert zeta(client, category="mobilitaet") == ["Zeta Fahrten", "Zeta Taxi"]


def test_kind_filter(client, sample):
    assert zeta(client, kind="club") == ["Zeta Fahrten", "Zeta Kinderfest"]
    assert zeta(client, kind="business") == ["Zeta Pflege", "Zeta Taxi"]


def test_target_group_filter(client, sample):
    assert zeta(client, group="seniors") == ["Zeta Fahrten", "Zeta Pflege"]
    assert zeta(client, group="children") == ["Zeta Kinderfest"]


def test_free_of_charge_filter(client, sample):
    assert zeta(client, free="on") == ["Zeta Fahrten", "Zeta Kinderfest"]


def test_filters_combine(client, sample):
    assert zeta(client, category="mobilitaet", free="on") == ["Zeta Fahrten"]
    assert zeta(client, group="seniors", kind="business") == ["Zeta Pflege"]
    assert zeta(client, group="seniors", kind="business", free="on") == []
    assert zeta(client, DIRECTORY + "gewerbe/", category="mobilitaet") == ["Zeta Taxi"]
    assert zeta(client, DIRECTORY + "nachbarschaftshilfe/", category="mobilitaet", group="seniors") == ["Zeta Fahrten"]


def test_free_filter_shows_only_free_demo_offers(client):
    response = client.get(DIRECTORY, {"free": "on"})
    for section in response.context["sections"]:
        for offer in section["offers"]:
            assert offer.price_model == PriceModel.FREE


@pytest.mark.parametrize(
    "params",
    [
        {"category": "gibt-es-nicht"},
        {"kind": "alien"},
        {"group": "<script>"},
        {"free": "vielleicht"},
        {"page": "abc"},
        {"page": "-1"},
        {"page": "99999"},
        {"q": "\x00"},
        {"q": "'\""},
        {"q": "ä" * 5000},
        {"q": "AND OR NOT ("},
        {"category": ["a", "b"], "kind": ["x"]},
    ],
)
@pytest.mark.parametrize("path", [DIRECTORY, DIRECTORY + "gewerbe/", DIRECTORY + "nachbarschaftshilfe/"])
def test_bad_values_never_fail(client, params, path):
    response = client.get(path, params)
    assert response.status_code == 200


def test_invalid_filter_is_ignored_and_valid_one_applies(client, sample):
    assert zeta(client, category="gibt-es-nicht", kind="club") == ["Zeta Fahrten", "Zeta Kinderfest"]


def test_filtered_list_is_a_plain_get_form(client):
    html = client.get(DIRECTORY, {"category": "mobilitaet"}).content.decode()
    form = html[html.index('<form class="directory-filters"') :]
    form = form[: form.index("</form>")]
    assert 'method="get"' in form
    assert '<option value="mobilitaet" selected>' in form
    for name in ("q", "category", "kind", "group", "free"):
        assert f'name="{name}"' in form
    assert "<script" not in html.split("<body", 1)[1].replace('<script type="application/ld+json">', "")


def test_area_links_keep_the_filters(client):
    html = client.get(DIRECTORY, {"category": "mobilitaet"}).content.decode()
    assert 'href="/de/hilfe-und-angebote/gewerbe/?category=mobilitaet"' in html


def test_area_pages_are_paginated(client):
    provider = ProviderFactory(kind=ProviderKind.BUSINESS)
    for number in range(25):
        OfferFactory(provider=provider, title=f"Paginiert {number:02d}")
    first = client.get(DIRECTORY + "gewerbe/", {"kind": "business"})
    section = first.context["sections"][0]
    assert section["total"] == first.context["sections"][0]["page"].paginator.count
    assert len(section["offers"]) == 20
    second = client.get(DIRECTORY + "gewerbe/", {"kind": "business", "page": 2})
    assert 'rel="prev"' in second.content.decode()
    assert "kind=business" in second.content.decode()


def test_overview_links_to_the_full_area(client):
    html = client.get(DIRECTORY).content.decode()
    assert '<a class="button" href="/de/hilfe-und-angebote/nachbarschaftshilfe/">Alle' in html


@pytest.mark.django_db
def test_a_filtered_list_says_how_many_offers_it_found(client):
    html = client.get(DIRECTORY, {"q": "Fahrdienst"}).content.decode()
    found = re.search(r'<p class="directory-result-count" role="status">(\d+) Angebote? gefunden</p>', html)
    assert found, "no count of the results"
    assert int(found[1]) == html.count("offer-card offer-card--") >= 1
    assert 'class="directory-result-count"' not in client.get(DIRECTORY).content.decode()


@pytest.mark.django_db
def test_nothing_found_is_said_once(client):
    html = client.get(DIRECTORY, {"q": "Quarkstrudel"}).content.decode()
    assert html.count("Kein Angebot passt") == 1
    assert 'class="directory-section' not in html
