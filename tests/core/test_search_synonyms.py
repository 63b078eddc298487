"""Words as residents write them, before the search reads them: synonyms that editors
keep in the admin, the little words left out, umlauts typed as ae/oe/ue/ss. The same on
SQLite and PostgreSQL (both run this module)."""

import re

import pytest

from django.contrib.auth.models import Group

from core.models import SearchSynonyms
from core.search import MAX_WORDS, as_residents_mean

pytestmark = pytest.mark.django_db

DIRECTORY = "/de/hilfe-und-angebote/"


def offer_titles(client, query):
    html = client.get(DIRECTORY, {"q": query}).content.decode()
    # The words that matched are marked in the titles (core/snippets.py).
    html = html.replace("<mark>", "").replace("</mark>", "")
    return re.findall(r'<h3[^>]*>\s*<a href="/de/hilfe-und-angebote/angebot/[^"]+/"[^>]*>([^<]+)</a>', html)


def test_a_synonym_an_editor_adds_finds_what_is_written_with_another_word(editor_client, client):
    assert "Babysitting von Eltern für Eltern" not in offer_titles(client, "Kinderhüten")
    response = editor_client.post(
        "/admin/search_synonyms/new/", {"language": "de", "words": "Babysitting, Kinderhüten"}
    )
    assert response.status_code == 302
    assert "Babysitting von Eltern für Eltern" in offer_titles(client, "Kinderhüten")
    # German synonyms are not English ones.
    english = as_residents_mean(_plain("Kinderhüten"), language="en")
    assert "babysitting" not in str(english).lower()


def test_the_demo_synonyms_find_the_doctor_by_another_name(client):
    assert "Begleitung zu Arzt und Amt" in offer_titles(client, "Hausarzt")
    assert "Begleitung zu Arzt und Amt" in offer_titles(client, "Aerztin")


@pytest.mark.parametrize(
    "words",
    ["Arzt", "Arzt, ", "Arzt, <script>", "Arzt, " + "x" * 41, ", ".join(f"Wort{number}" for number in range(21))],
)
def test_a_bad_synonym_group_gets_a_clear_message_and_nothing_is_stored(editor_client, words):
    before = SearchSynonyms.objects.count()
    response = editor_client.post("/admin/search_synonyms/new/", {"language": "de", "words": words})
    assert response.status_code == 200
    assert response.context["form"].errors["words"]
    assert SearchSynonyms.objects.count() == before


def test_only_editors_keep_the_synonyms(client, django_user_model):
    editor = django_user_model.objects.create_user("lektorin", "lektorin@example.org", "x")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get("/admin/search_synonyms/new/").status_code == 200
    from clubs.demo import DEMO_CLUB_EMAIL

    client.force_login(django_user_model.objects.get(email=DEMO_CLUB_EMAIL))
    assert client.get("/admin/search_synonyms/").status_code == 302  # to the dashboard, refused


def test_the_little_words_do_not_have_to_match_and_more_matching_words_rank_first(client):
    # SQLite's full-text search knows no stop words: "beim" had to stand in the text,
    # and so did every other word.
    titles = offer_titles(client, "Hilfe beim Einkaufen")
    assert titles == offer_titles(client, "Hilfe Einkaufen")
    assert "Einkaufshilfe im Notfall" in titles


@pytest.mark.parametrize(("typed", "written"), [("Fusspflege", "Fußpflege"), ("Fuesse", "Füße")])
def test_umlauts_and_sharp_s_typed_out_find_the_same(client, typed, written):
    assert offer_titles(client, typed) == offer_titles(client, written)
    assert "Mobile Fußpflege" in offer_titles(client, "Fusspflege")


def test_a_query_of_many_words_ranks_by_the_first_few_only(client):
    words = " ".join(f"wort{number}" for number in range(100))
    assert len(as_residents_mean(_plain(words), language="de").subqueries) == MAX_WORDS
    assert client.get("/de/search/", {"q": words}).status_code == 200


def test_a_query_of_little_words_only_is_searched_as_typed():
    assert str(as_residents_mean(_plain("für die"), language="de")) == str(_plain("für die"))


def _plain(text):
    from wagtail.search.query import PlainText

    return PlainText(text)
