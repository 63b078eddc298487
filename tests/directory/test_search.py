"""Full-text search over offers and providers."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

from directory.models import Area, ProviderKind

from .factories import OfferFactory, ProviderFactory
from .helpers import DIRECTORY, titles


@pytest.mark.django_db
def test_search_finds_offers_by_title(client):
    response = client.get(DIRECTORY, {"q": "Fußpflege"})
    found = titles(response)
    assert "Mobile Fußpflege" in found
    assert "Repair-Café" not in found


@pytest.mark.django_db
def test_search_finds_offers_by_provider_name(client):
    response = client.get(DIRECTORY, {"q": "Tischlerei"})
    assert set(titles(response)) == {"Kleinreparaturen im Haushalt", "Möbel reparieren und aufarbeiten"}
    assert [provider.name for provider in response.context["matching_providers"]] == ["Tischlerei Brandt"]


@pytest.mark.django_db
def test_search_finds_providers_by_description(client):
    provider = ProviderFactory(name="Quasselbude", summary="Wir stricken Wollsocken für alle.")
    OfferFactory(provider=provider, title="Strickkreis")
    response = client.get(DIRECTORY, {"q": "Wollsocken"})
    assert "Strickkreis" in titles(response)
    assert "Quasselbude" in response.content.decode()


@pytest.mark.django_db
def test_search_combines_with_filters(client):
    free = client.get(DIRECTORY, {"q": "Mittagstisch", "free": "on"})
    # St. Markus matches as a provider ("mit Mittagstisch"); only its free offer is left.
    assert titles(free) == ["Besuchsdienst"]
    business = titles(client.get(DIRECTORY, {"q": "Mittagstisch", "kind": "business"}))
    # The offer that matches itself ranks before the provider's other offer.
    assert business == ["Mittagstisch im Café Linde", "Mittagessen nach Hause"]


@pytest.mark.django_db
def test_search_term_is_escaped(client):
    html = client.get(DIRECTORY, {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="German stemming is PostgreSQL full-text search")
def test_german_stemming_on_postgresql(client):
    OfferFactory(title="Kiezmobil", summary="Unsere Fahrdienste bringen Sie zum Arzt.")
    assert "Kiezmobil" in titles(client.get(DIRECTORY, {"q": "Fahrdienst"}))


@pytest.mark.django_db
def test_search_counts_and_pages_through_all_matches(client):
    """Sections count and page the ranked matches: the offer that matches best
    first, the provider's other offers after it, each once, none lost between pages."""
    provider = ProviderFactory(name="Zählbetrieb Quendel", kind=ProviderKind.BUSINESS)
    own_match = OfferFactory(provider=provider, title="Zählhilfe", summary="Quendel zählt für Sie.")
    others = [OfferFactory(provider=provider, title=f"Leistung {number:02d}") for number in range(24)]
    neighbour = OfferFactory(
        provider=ProviderFactory(kind=ProviderKind.VOLUNTEER), title="Nachbarschaft", summary="Mit Quendel-Tee."
    )

    overview = client.get(DIRECTORY, {"q": "Quendel"})
    totals = {section["area"]: section["total"] for section in overview.context["sections"]}
    assert totals == {Area.BUSINESS: 25, Area.COMMUNITY: 1}
    assert titles(overview, Area.COMMUNITY) == [neighbour.title]

    pages = [client.get(DIRECTORY + "gewerbe/", {"q": "Quendel", "page": number}) for number in (1, 2)]
    listed = [title for page in pages for title in titles(page)]
    assert listed[0] == own_match.title
    assert sorted(listed[1:]) == sorted(offer.title for offer in others)
    assert [len(titles(page)) for page in pages] == [20, 5]
    assert "25" in pages[0].content.decode()


def _asks_offers_of_providers(queries):
    # The providers' ids are a subquery on SQLite, one array parameter on PostgreSQL.
    lookups = ('"directory_offer"."provider_id" IN', '"directory_offer"."provider_id" = ANY')
    return any(lookup in query["sql"] for query in queries for lookup in lookups)


@pytest.mark.django_db
def test_a_search_lists_max_search_hits_offers_those_matching_themselves_first(client, monkeypatch):
    """A list holds MAX_SEARCH_HITS offers at most: the offers of a matching provider
    fill what the offers matching themselves leave, and are not asked for when those
    fill it."""
    monkeypatch.setattr("directory.views.search.MAX_SEARCH_HITS", 3)
    # Its description matches; its name would be searched with each of its offers.
    provider = ProviderFactory(name="Zählbetrieb", summary="Quendel zählt.", kind=ProviderKind.BUSINESS)
    own = [OfferFactory(provider=provider, title=f"Quendel {number}") for number in range(2)]
    others = [OfferFactory(provider=provider, title=f"Leistung {number}") for number in range(3)]

    with CaptureQueriesContext(connection) as queries:
        listed = titles(client.get(DIRECTORY + "gewerbe/", {"q": "Quendel"}))
    assert sorted(listed[:2]) == sorted(offer.title for offer in own)
    assert listed[2:] == [others[0].title]
    assert _asks_offers_of_providers(queries)

    own.append(OfferFactory(provider=provider, title="Quendel 2"))
    with CaptureQueriesContext(connection) as queries:
        listed = titles(client.get(DIRECTORY + "gewerbe/", {"q": "Quendel"}))
    assert sorted(listed) == sorted(offer.title for offer in own)
    assert not _asks_offers_of_providers(queries)


def _searches_providers(queries):
    # The providers' full-text search: MATCH on SQLite, a tsquery on PostgreSQL. The
    # offers' search joins the providers, but reads the offers.
    return any(
        'FROM "directory_provider"' in query["sql"] and ("MATCH" in query["sql"] or "to_tsquery" in query["sql"])
        for query in queries
    )


@pytest.mark.django_db
def test_the_site_search_searches_providers_only_to_fill_its_list_of_offers(client, monkeypatch):
    """The site search shows offers, not providers: the matching providers are only
    searched for their offers, which are not needed when the offers matching
    themselves fill the list."""
    monkeypatch.setattr("directory.views.search.MAX_SEARCH_HITS", 1)
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/de/search/", {"q": "Fußpflege"}).content.decode()
    assert "Angebote im Verzeichnis" in html
    assert not _searches_providers(queries)

    monkeypatch.setattr("directory.views.search.MAX_SEARCH_HITS", 50)
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/de/search/", {"q": "Fusspflege"}).content.decode()
    assert "Angebote im Verzeichnis" in html
    assert _searches_providers(queries)


@pytest.mark.django_db
def test_a_reader_of_another_language_finds_a_translation_by_its_own_words_and_its_originals(client):
    """German readers' offers are searched as they are listed. A reader of another
    language sees each offer once, translated where it is, found by the words of the
    translation or of its German original."""
    original = OfferFactory(title="Quendelsuppe", summary="Heiße Suppe aus dem Kiez.")
    translation = original.copy_for_translation(Locale.objects.get(language_code="en"))
    translation.title, translation.summary, translation.slug = "Thyme soup", "Hot soup.", "thyme-soup"
    translation.save()

    assert titles(client.get(DIRECTORY, {"q": "Quendelsuppe"})) == ["Quendelsuppe"]
    assert titles(client.get(DIRECTORY, {"q": "Thyme"})) == []
    for words in ("Quendelsuppe", "Thyme", "Quendelsuppe Thyme"):
        assert titles(client.get("/en/hilfe-und-angebote/", {"q": words})) == ["Thyme soup"], words


@pytest.mark.django_db
def test_a_filtered_search_ranks_the_filtered_offers(client, monkeypatch):
    """The filters narrow the offers before PostgreSQL takes the first matches it finds
    to rank (core.search.RANKED_AT_MOST): an offer of the chosen kind is found however
    many of other kinds match before it."""
    monkeypatch.setattr("core.search.RANKED_AT_MOST", 2)
    volunteers = ProviderFactory(kind=ProviderKind.VOLUNTEER)
    for number in range(6):
        OfferFactory(provider=volunteers, title=f"Quendelsuppe {number}")
    business = OfferFactory(provider=ProviderFactory(kind=ProviderKind.BUSINESS), title="Quendelsuppe im Laden")

    assert titles(client.get(DIRECTORY, {"q": "Quendelsuppe", "kind": "business"})) == [business.title]
