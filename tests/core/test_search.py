"""The search page finds demo content and never fails on what a person (or a bot) types."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import StandardPage

ODD_QUERIES = [
    "'\"",
    '"',
    'a"b',
    "AND OR NOT",
    "*",
    "(",
    "a:b",
    "-x",
    "NEAR(a b)",
    "\\",
    "%_",
    "{}[]",
    "😀 über",
    "\x00",
    "Robert'); DROP TABLE wagtailcore_page;--",
    "<script>alert(1)</script>",
    "ä" * 5000,
    "Kiez " * 2000,
    # Quotes around nothing or no word, beside words: an empty quote is a syntax error
    # in PostgreSQL's tsquery.
    '"a b" -"" y',
    '" " Kiez',
    '"!!" Kiez',
    "'' Kiez",
]


@pytest.mark.django_db
def test_search_finds_demo_content(client):
    response = client.get("/de/search/", {"q": "Sprechstunde"})
    assert response.status_code == 200
    results = list(response.context["search_results"])
    assert StandardPage.objects.get(slug="kontakt").pk in [page.pk for page in results]
    assert "Kontakt und <mark>Sprechstunde</mark>" in response.content.decode()


@pytest.mark.django_db
def test_empty_search_shows_the_form(client):
    response = client.get("/de/search/")
    assert response.status_code == 200
    assert response.context["search_results"] is None
    assert 'name="q"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_answer_200(client, query):
    response = client.get("/de/search/", {"q": query})
    assert response.status_code == 200
    assert len(response.context["search_query"]) <= 200


@pytest.mark.django_db
def test_query_is_escaped_in_the_page(client):
    html = client.get("/de/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999", "1e9", ""])
def test_bad_page_numbers_answer_200(client, page):
    response = client.get("/de/search/", {"q": "Kiez", "page": page})
    assert response.status_code == 200


@pytest.mark.django_db
def test_unpublished_pages_are_not_found(client):
    StandardPage.objects.get(slug="kontakt").unpublish()
    response = client.get("/de/search/", {"q": "Sprechstunde"})
    # Without the marks of the words that matched (core/snippets.py).
    assert "Kontakt und Sprechstunde" not in response.content.decode().replace("<mark>", "").replace("</mark>", "")


@pytest.mark.django_db
def test_results_are_paginated(client, home_page):
    # A word no demo page uses (the calendar has a real Flohmarkt).
    for number in range(12):
        home_page.add_child(instance=StandardPage(title=f"Zauberwürfel {number}", slug=f"zauberwuerfel-{number}"))
    first = client.get("/de/search/", {"q": "Zauberwürfel"})
    assert first.context["search_results"].paginator.count == 12
    assert len(first.context["search_results"]) == 10
    second = client.get("/de/search/", {"q": "Zauberwürfel", "page": 2})
    assert len(second.context["search_results"]) == 2
    assert 'rel="prev"' in second.content.decode()


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="German stemming is PostgreSQL full-text search")
def test_german_stemming_on_postgresql(client, home_page):
    home_page.add_child(
        instance=StandardPage(title="Mobil im Alter", slug="mobil", intro="Unsere Fahrdienste bringen Sie zum Arzt.")
    )
    response = client.get("/de/search/", {"q": "Fahrdienst"})
    assert "Mobil im Alter" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="a setting of PostgreSQL's connections")
def test_scans_start_at_the_first_row_so_that_a_broad_search_finds_the_same_every_time():
    # The search ranks the first matches a scan finds (quartier/settings/services.py).
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronize_seqscans")
        assert cursor.fetchone() == ("off",)


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="an index for modelsearch's join (core 0007)")
def test_the_pages_key_as_text_is_indexed_for_wagtails_search_to_join_its_entries_on():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'core_page_id_text'")
        definitions = [definition for (definition,) in cursor.fetchall()]
    # The expression modelsearch joins on, written as PostgreSQL writes it back.
    assert definitions == [
        "CREATE INDEX core_page_id_text ON public.wagtailcore_page USING btree (((id)::character varying(50)))"
    ]


@pytest.mark.django_db
def test_search_page_has_one_search_form(client):
    html = client.get("/de/search/", {"q": "Kiez"}).content.decode()
    assert html.count('role="search"') == 1


@pytest.mark.django_db
def test_site_search_finds_directory_offers(client):
    from directory.models import Offer

    offer = Offer.objects.public().get(slug="babysitting")
    html = client.get("/de/search/", {"q": "Babysitting"}).content.decode()
    assert "Angebote im Verzeichnis" in html
    assert f"/de/hilfe-und-angebote/angebot/{offer.slug}/" in html
    assert offer.provider.name in html


@pytest.mark.django_db
def test_site_search_without_offers_shows_no_directory_section(client):
    html = client.get("/de/search/", {"q": "Laternenumzug"}).content.decode()
    assert "Angebote im Verzeichnis" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("words", ["Fahrdienst", "Garten Nachbarschaft", '"Repair Café"', "Kinder -Musik"])
def test_ranked_search_finds_what_wagtails_search_finds(words):
    """core.search.ranked_values() asks the database in its own syntax (on PostgreSQL
    `title @@ q OR body @@ q`, which the GIN indexes answer, instead of Wagtail's `(title
    || body) @@ q`; on SQLite one MATCH ranked by one bm25): the same hits as Wagtail's
    search for the query as residents mean it, in the same order for one word; of
    several, those matching every word first."""
    from wagtail.models import Page
    from wagtail.search.utils import parse_query_string

    from core.search import ResidentsWords, as_residents_mean, ranked_values
    from directory.models import Offer

    _filters, parsed = parse_query_string(words)
    meant = as_residents_mean(parsed)
    several_words, ordered_by_words = " " in words and isinstance(meant, ResidentsWords), 0
    for queryset in (Page.objects.live().specific(), Offer.objects.filter(live=True)):
        wagtail_hits = [hit.pk for hit in queryset.search(meant)]
        with CaptureQueriesContext(connection) as queries:
            hits = ranked_values(queryset, parsed, "pk", 1000)
        assert sorted(hits) == sorted(wagtail_hits)
        if " " not in words:
            assert hits == wagtail_hits
        elif several_words:
            per_word = [{hit.pk for hit in queryset.search(word)} for word in meant.subqueries]
            every_word = set.intersection(*per_word)
            assert set(hits[: len(every_word)]) == every_word
            ordered_by_words += len(every_word)
        # `||` between the text vectors, not between the words of the query.
        assert not [query for query in queries if '"title" ||' in query["sql"]]
    # The demo has rows with every word of these: their order was tested.
    assert ordered_by_words or not several_words


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL ranks a bounded set of the matches")
def test_a_broad_search_ranks_what_matches_in_the_title_or_matches_every_word(monkeypatch):
    """When more rows match than are ranked, the first the database finds are ranked,
    and with them every row whose title matches and every row that matches all words:
    the best of a broad search are not left out because they were stored last."""
    from core import search
    from directory.models import Offer
    from tests.directory.factories import OfferFactory, ProviderFactory

    monkeypatch.setattr(search, "RANKED_AT_MOST", 3)
    provider = ProviderFactory()
    described = "Wir backen Zwiebelkuchen für die Nachbarschaft."
    broad = [OfferFactory(provider=provider, description=described).pk for _number in range(8)]
    in_title = OfferFactory(provider=provider, title="Zwiebelkuchen im Hof", description="Jeden Freitag.")
    every_word = OfferFactory(provider=provider, description="Zwiebelkuchen und Quittengelee, selbst gemacht.")
    offers = Offer.objects.filter(pk__in=[*broad, in_title.pk, every_word.pk])

    one_word = search.ranked_values(offers, search.read_query("Zwiebelkuchen"), "pk", 10)
    assert one_word[0] == in_title.pk
    assert len(one_word) < 10  # bounded: not all eight that only mention it were ranked

    two_words = search.ranked_values(offers, search.read_query("Zwiebelkuchen Quittengelee"), "pk", 10)
    assert two_words[0] == every_word.pk
    assert in_title.pk in two_words


@pytest.mark.django_db
@pytest.mark.parametrize("words", ["Einkaufen", "Hilfe beim Einkaufen", "Einkaufen, not Fahrdienst"])
def test_ranked_values_of_several_fields_are_rows_in_the_order_of_one(words):
    """A tuple of fields gives each row's values as a tuple, a related field among them,
    in the order one field gives; so through Wagtail's search too (a "not" on SQLite,
    whose full-text syntax has none of its own)."""
    from wagtail.search.query import And, Not, PlainText

    from core.search import _full_text, _query_text, as_residents_mean, ranked_values, read_query
    from directory.models import Offer

    if words == "Einkaufen, not Fahrdienst":
        query = as_residents_mean(And([PlainText("Einkaufen"), Not(PlainText("Fahrdienst"))]))
        assert (_query_text(query, _full_text()) is None) == (connection.vendor == "sqlite")
    else:
        query = read_query(words)
    offers = Offer.objects.filter(live=True)
    pks = ranked_values(offers, query, "pk", 50)
    assert pks
    kinds = dict(offers.values_list("pk", "provider__kind"))
    with CaptureQueriesContext(connection) as queries:
        rows = ranked_values(offers, query, ("pk", "provider__kind"), 50)
    assert rows == [(pk, kinds[pk]) for pk in pks]
    assert len(queries) == 1


@pytest.mark.django_db
def test_ranked_values_of_a_queryset_empty_by_its_filters_is_empty():
    from core.search import ranked_values, read_query
    from directory.models import Offer

    assert ranked_values(Offer.objects.filter(pk__in=[]), read_query("Fahrdienst"), "pk", 10) == []
    assert ranked_values(Offer.objects.none(), read_query("Hilfe beim Einkaufen"), "pk", 10) == []
