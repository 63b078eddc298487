"""A site search that finds nothing is no dead end: it offers the directory's categories,
the phone of the contact person on site and a few tips, in the reader's language."""

import itertools
import re

import pytest

from django.contrib.auth import get_user_model
from django.utils import translation

from clubs.demo import DEMO_CLUB_EMAIL
from directory.models import Category
from home.models import SiteSettings
from participation.models import Resident
from tests.directory.factories import CategoryFactory
from tests.queries import count_fresh_queries, reads

pytestmark = pytest.mark.django_db

NOTHING = "Quarkstrudel"


def main_of(response):
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def category_links(html):
    block = html.split('class="search-help__links"')[1].split("</ul>")[0]
    return re.findall(r'<li><a href="([^"]+)"', block)


def contact():
    return SiteSettings.objects.get()


def test_nothing_found_offers_the_categories_the_phone_and_tips(client):
    html = main_of(client.get("/de/search/", {"q": NOTHING}))
    links = category_links(html)
    categories = Category.objects.filter(locale__language_code="de")
    assert len(links) == categories.count()
    for link, category in zip(links, categories, strict=True):
        assert link == f"/de/hilfe-und-angebote/?category={category.slug}"
        listing = client.get(link)
        assert listing.status_code == 200
        assert listing.context["filters"] == {"category": category.slug}
    phone = contact().contact_phone
    assert f'<a href="tel:{re.sub(r"[^0-9+]", "", phone)}">{phone}</a>' in html
    assert contact().contact_name in html
    with translation.override("de"):
        assert translation.gettext("Try another word, or call us: we are glad to help.") in html
        assert translation.gettext("Check the spelling.") in html


def test_headings_stay_in_order(client):
    html = main_of(client.get("/de/search/", {"q": NOTHING}))
    levels = [int(level) for level in re.findall(r"<h([1-6])", html)]
    assert levels[0] == 1
    assert all(later <= earlier + 1 for earlier, later in itertools.pairwise(levels))


def test_an_english_reader_stays_in_english(client):
    html = main_of(client.get("/en/search/", {"q": NOTHING}))
    links = category_links(html)
    assert links and all(link.startswith("/en/hilfe-und-angebote/?category=") for link in links)
    for link in links:
        assert client.get(link).status_code == 200
    # The demo's categories are German only: their names are marked as German.
    assert html.count('lang="de" dir="ltr"') >= len(links)


def test_arabic_page_reads_right_to_left(client):
    response = client.get("/ar/search/", {"q": NOTHING})
    assert 'dir="rtl"' in response.content.decode().split("<head")[0]
    html = main_of(response)
    assert all(link.startswith("/ar/") for link in category_links(html))
    assert 'href="tel:' in html


def test_a_translated_category_is_named_and_linked_in_the_readers_language(client):
    from wagtail.models import Locale

    mobility = Category.objects.get(locale__language_code="de", slug="mobilitaet")
    english = mobility.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name, english.slug = "Getting about", "getting-about"
    english.save()
    html = main_of(client.get("/en/search/", {"q": NOTHING}))
    assert '<a href="/en/hilfe-und-angebote/?category=getting-about">Getting about</a>' in html
    assert "?category=mobilitaet" not in html
    assert client.get("/en/hilfe-und-angebote/?category=getting-about").context["filters"] == {
        "category": "getting-about"
    }


@pytest.mark.parametrize("query", ["Kiez", "Babysitting"])
def test_a_search_that_finds_something_shows_no_help_block(client, query):
    # "Babysitting" finds no page, only an offer in the directory's section.
    html = main_of(client.get("/de/search/", {"q": query}))
    assert "search-help" not in html


def test_an_empty_search_shows_the_prompt_only(client):
    html = main_of(client.get("/de/search/"))
    with translation.override("de"):
        assert translation.gettext("Enter a word, for example a club, a service or a street.") in html
    assert "search-help" not in html


def test_without_contact_phone_the_page_still_helps(client):
    settings = contact()
    settings.contact_phone = ""
    settings.save()
    html = main_of(client.get("/de/search/", {"q": NOTHING}))
    assert category_links(html)
    assert "search-call-heading" not in html


@pytest.mark.parametrize("as_club", [False, True])
def test_no_personal_data_for_anonymous_or_a_club_account(client, as_club):
    """Only the public contact person on site: nothing of residents, enquiries or the
    logged-in account, also when the search is for their very name."""
    Resident.objects.create(name="Hildegard Quarkstrudel", phone="0170 5556677", email="hildegard@example.org")
    if as_club:
        client.force_login(get_user_model().objects.get(email=DEMO_CLUB_EMAIL))
    for query in ["Hildegard Quarkstrudel", "0170 5556677", "hildegard@example.org", DEMO_CLUB_EMAIL]:
        html = main_of(client.get("/de/search/", {"q": query}))
        # The query itself is repeated in the search form and the heading; nothing else.
        rest = html.replace(query, "")
        for private in ["Hildegard", "5556677", "hildegard@", DEMO_CLUB_EMAIL]:
            assert private not in rest, (query, private)
        phones = set(re.findall(r'href="tel:([^"]+)"', html))
        assert phones <= {re.sub(r"[^0-9+]", "", contact().contact_phone)}
    # The name finds nothing: the help block shows, with the contact person's phone only.
    html = main_of(client.get("/de/search/", {"q": "Hildegard Quarkstrudel"}))
    assert category_links(html) and 'id="search-call-heading"' in html


def test_queries_do_not_grow_with_the_categories(client):
    path = f"/de/search/?q={NOTHING}"
    small = count_fresh_queries(client, path)
    CategoryFactory.create_batch(20)
    large = count_fresh_queries(client, path)
    assert small == large, f"{small} queries with the demo's categories, {large} with 20 more"
    # The site-wide budget of every page (tests/core/test_query_budget.py).
    assert large <= 25
    response, category_queries = reads(client, path, "directory_category")
    assert len(category_links(main_of(response))) == Category.objects.filter(locale__language_code="de").count()
    assert len(category_queries) == 1
