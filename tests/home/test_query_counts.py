"""Rendering a page costs the same number of queries however much content the site has."""

import pytest

from wagtail.images.models import Image

from news.models import EventIndexPage, NewsIndexPage
from tests.home.factories import StandardPageFactory
from tests.news.factories import EventPageFactory, NewsPageFactory
from tests.queries import count_fresh_queries

# An upper bound, so that a slow creep shows up even when both sizes grow together.
MAX_QUERIES_PER_PAGE = 20
# The home page also shows the newest articles and the next dates (news app, seven
# queries for any amount of them) and, in a new generation, the way into the directory
# (its page and categories, three queries; a cached fragment afterwards); the site
# search asks each app's section (the directory's offers, the swap board's posts: its
# page and the posts, two more queries when any match) besides the pages, and reads the
# query once (the editors' synonyms, the vocabulary,
# and the vocabulary's words near in length when a word is long enough for a typo);
# several words cost no more than one. The result pages load their specific types
# with a query a type: fewer when more pages of one type crowd the first ten results.
MAX_QUERIES = {
    "/de/": 32,
    "/de/search/?q=Kiez": 27,
    "/de/search/?q=Hilfe+beim+Einkaufen": 27,
    "/de/search/?q=Fahrdinst": 27,
}


def grow_site(home_page, count):
    news_index = NewsIndexPage.objects.get()
    calendar = EventIndexPage.objects.get()
    image = Image.objects.first()
    for _ in range(count):
        section = StandardPageFactory(parent=home_page)
        StandardPageFactory(parent=section, show_in_menus=False)
        # With an image, like the demo's newest article: a list without any image
        # skips the image queries, which is a different page, not a bigger site.
        NewsPageFactory(parent=news_index, image=image, image_alt="Ein Bild")
        EventPageFactory(parent=calendar)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/de/", "/de/kontakt/", "/de/search/?q=Kiez", "/de/search/?q=Hilfe+beim+Einkaufen", "/de/search/?q=Fahrdinst"],
)
def test_query_count_does_not_grow_with_content(client, home_page, path):
    small = count_fresh_queries(client, path)
    grow_site(home_page, 40)
    large = count_fresh_queries(client, path)
    assert large <= small, f"{path}: {small} queries with demo content, {large} with 160 more pages"
    assert large <= MAX_QUERIES.get(path, MAX_QUERIES_PER_PAGE)
