"""Why a result matched: the snippet of its text with the query's words marked, and
the search pages that show it (site search, directory, clubs)."""

import re

import pytest

from django.utils.safestring import SafeString

from wagtail.search.query import And, Not, Or, Phrase, PlainText

from core.search import read_query
from core.snippets import marked, query_terms, snippet
from home.models import StandardPage

pytestmark = pytest.mark.django_db


def terms(query):
    """The terms of a query as the search box reads it (with the demo's synonyms)."""
    return query_terms(read_query(query))


def marks(html):
    return re.findall(r"<mark>(.*?)</mark>", html)


def words(html):
    return len(re.findall(r"\w+", re.sub(r"<[^>]+>", "", html)))


# Reading the query


def test_query_terms_are_the_spellings_of_every_word():
    found = terms("Fahrdienste Flohmaerkte")
    assert {"fahrdienste", "fahrdien", "flohmaerkte", "flohmärkte", "flohmarkt"} <= set(found)
    assert found == sorted(set(found), key=found.index)  # each once


def test_query_terms_read_phrases_and_nested_queries_but_not_what_is_excluded():
    query = And([Phrase("Essen auf Rädern"), Or([PlainText("Chor")]), Not(PlainText("Orchester"))])
    # "auf" is a little word: marked in every text, it would explain nothing.
    assert query_terms(query) == ["essen", "rädern", "chor"]


def test_only_little_words_still_count():
    assert query_terms(PlainText("für")) == ["für"]


# Marking


def test_word_forms_are_marked():
    html = snippet("Unser Fahrdienst bringt Sie zum Arzt.", terms("Fahrdienste"), "de")
    assert marks(html) == ["Fahrdienst"]
    assert html == "Unser <mark>Fahrdienst</mark> bringt Sie zum Arzt."


def test_umlauts_typed_either_way_are_marked():
    html = snippet("Flohmärkte und ein Flohmarkt, Muelltonnen", terms("Flohmaerkte Müll"), "de")
    assert marks(html) == ["Flohmärkte", "Flohmarkt", "Muelltonnen"]


def test_compound_parts_are_marked_but_not_short_ones():
    assert marks(snippet("Abholung von Sperrmüll im Lindenkiez", terms("Müll Kiez"), "de")) == [
        "Sperrmüll",
        "Lindenkiez",
    ]
    # Three letters inside a longer word are chance, not a part of it.
    assert marks(snippet("Bänke mit Armlehnen", query_terms(PlainText("Arm")), "de")) == []


def test_the_result_is_safe_html_and_the_text_is_escaped():
    html = snippet("Fahrdienst & \"Begleitung\" für 'alle' <3", terms("Fahrdienst"), "de")
    assert isinstance(html, SafeString)
    assert html == "<mark>Fahrdienst</mark> &amp; &quot;Begleitung&quot; für &#x27;alle&#x27; &lt;3"


def test_markup_in_the_text_never_reaches_the_page():
    html = snippet("<script>alert(1)</script> Müll &lt;script&gt;x&lt;/script&gt;", terms("Müll"), "de")
    assert "<script" not in html
    assert "&lt;script&gt;" in html  # written as text in rich text: shown as text
    assert marks(html) == ["Müll"]


def test_markup_in_the_query_is_only_words():
    html = snippet("Ein Text über alert und script.", terms('<script>alert(1)</script> "><img src=x>'), "de")
    assert marks(html) == ["alert", "script"]
    assert "<img" not in html and "<script" not in html


def test_control_characters_and_direction_overrides_are_left_out():
    html = snippet("Müll\x00abfuhr \x00und\x1b \u202eSperrmüll", terms("Müll"), "de")
    assert "\x00" not in html and "\x1b" not in html and "\u202e" not in html
    assert marks(html) == ["Müllabfuhr", "Sperrmüll"]


def test_rich_text_is_read_as_text():
    html = snippet("<p>Wir helfen.</p><p>Beim <b>Sperrmüll</b> &amp; mehr</p>", terms("Müll"), "de")
    assert html == "Wir helfen. Beim <mark>Sperrmüll</mark> &amp; mehr"


def test_right_to_left_text_and_query():
    html = snippet("نقدم المساعدة في التسوق للجيران", query_terms(PlainText("التسوق")), "ar")
    assert marks(html) == ["التسوق"]
    assert html.startswith("نقدم المساعدة")


def test_emoji_in_text_and_query():
    html = snippet("🚲 Fahrradwerkstatt für alle 🎉", terms("🚲 Fahrradwerkstatt"), "de")
    assert html == "🚲 <mark>Fahrradwerkstatt</mark> für alle 🎉"
    assert snippet("🎉", terms("🎉"), "de") == "🎉"


def test_a_long_text_is_cut_around_the_match():
    text = " ".join(["Vorher"] * 60 + ["Unser", "Fahrdienst", "fährt", "montags."] + ["Nachher"] * 60)
    html = snippet(text, terms("Fahrdienst"), "de", words=20)
    assert html.startswith("…") and html.endswith("…")
    assert marks(html) == ["Fahrdienst"]
    assert words(html) == 20
    # A few words before the match, so that it reads as part of a sentence.
    assert html.index("<mark>") > len("… Vorher Vorher")


def test_the_window_with_the_most_different_words_wins():
    text = " ".join(["Chor"] + ["Text"] * 40 + ["Chor", "und", "Orchester"] + ["Text"] * 40)
    html = snippet(text, terms("Chor Orchester"), "de", words=10)
    assert marks(html) == ["Chor", "Orchester"]


def test_without_a_match_the_start_of_the_text():
    text = " ".join(f"Wort{number}" for number in range(50))
    html = snippet(text, terms("Fahrdienst"), "de", words=10)
    assert html == "Wort0 Wort1 Wort2 Wort3 Wort4 Wort5 Wort6 Wort7 Wort8 Wort9…"
    assert snippet("", terms("Fahrdienst"), "de") == ""


def test_a_title_is_marked_whole_and_escaped():
    title = " ".join(["Titel"] * 40) + ' Fahrdienst "><img src=x>'
    html = marked(title, terms("Fahrdienst"), "de")
    assert html.startswith("Titel Titel") and "…" not in html
    assert marks(html) == ["Fahrdienst"]
    assert html.endswith("&quot;&gt;&lt;img src=x&gt;")


# The search pages


def test_site_search_marks_the_word_that_matched(client):
    html = client.get("/de/search/", {"q": "Fahrdienste"}).content.decode()
    # The directory's offer, found by a part of its title.
    assert "<mark>Seniorenfahrdienst</mark> „Lindenmobil“" in html


def test_site_search_shows_the_snippet_of_a_page(client, home_page):
    intro = " ".join(["Vorweg"] * 50) + " Unsere Fahrdienste bringen Sie zum Arzt. " + " ".join(["Danach"] * 50)
    home_page.add_child(instance=StandardPage(title="Mobil im Alter", slug="mobil", intro=intro))
    html = client.get("/de/search/", {"q": "Fahrdienste"}).content.decode()
    assert "<p>…Vorweg Vorweg Vorweg Vorweg Vorweg Vorweg Unsere <mark>Fahrdienste</mark> bringen" in html


def test_site_search_marks_a_swap_post(client):
    html = client.get("/de/search/", {"q": "Kinderfahrrad"}).content.decode()
    assert "<mark>Kinderfahrrad</mark>, 20 Zoll" in html


@pytest.mark.parametrize("query", ["<script>alert(1)</script>", '"><img src=x>', "Fahrdienst <b>x</b> \x00 ‮"])
def test_hostile_queries_and_titles_are_escaped(client, home_page, query):
    home_page.add_child(
        instance=StandardPage(
            title='Fahrdienst script alert "><img src=x>',
            slug="boese",
            intro="<script>alert(1)</script> img src Fahrdienst",
            search_description="",
        )
    )
    html = client.get("/de/search/", {"q": query}).content.decode()
    assert "<script>alert" not in html
    assert "<img src=x>" not in html
    assert "<b>x</b>" not in html
    assert "\x00" not in html


def test_directory_search_marks_offers_and_providers(client):
    html = client.get("/de/hilfe-und-angebote/", {"q": "Fahrdienst"}).content.decode()
    assert "<mark>Seniorenfahrdienst</mark> „Lindenmobil“" in html
    html = client.get("/de/hilfe-und-angebote/", {"q": "Tischlerei"}).content.decode()
    assert marks(html).count("Tischlerei") >= 3  # the provider's card and each of its two offers


def test_directory_without_search_marks_nothing(client):
    assert "<mark>" not in client.get("/de/hilfe-und-angebote/").content.decode()


def test_club_search_marks_clubs(client):
    html = client.get("/de/vereine/", {"q": "Chor"}).content.decode()
    assert "<mark>Lindenchor</mark>" in html
    assert "<mark>" not in client.get("/de/vereine/").content.decode()
