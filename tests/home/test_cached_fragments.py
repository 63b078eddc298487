"""{% cachedfragment %}: lists rendered once per generation, fresh after publishing,
never from or into the cache in a preview, and a search's own words never in the shared
cache or the frame's memo."""

import pytest

from django.core.cache import cache
from django.template import Context, Template
from django.test import RequestFactory

from directory.models import Category
from home.page_cache import invalidate, process_memo, search_memo
from news.models import NewsIndexPage
from tests.news.factories import NewsPageFactory
from tests.queries import reads

pytestmark = pytest.mark.django_db

PROBE = Template('{% load navigation_tags %}{% cachedfragment "probe" part %}{{ renders.next }}{% endcachedfragment %}')


class Renders:
    """Counts how often the fragment's content was rendered."""

    def __init__(self):
        self.count = 0

    @property
    def next(self):
        self.count += 1
        return self.count


SEARCHED = Template(
    '{% load navigation_tags %}{% cachedfragment "probe" part search=words %}{{ renders.next }}{% endcachedfragment %}'
)


def render(request, renders, part="a"):
    return PROBE.render(Context({"request": request, "renders": renders, "part": part}))


def test_a_fragment_renders_once_per_generation_and_part():
    request, renders = RequestFactory().get("/de/"), Renders()
    assert render(request, renders) == "1"
    assert render(RequestFactory().get("/de/?page=2"), renders) == "1"
    assert render(request, renders, part="b") == "2"
    invalidate()
    assert render(RequestFactory().get("/de/"), renders) == "3"


def test_previews_neither_read_nor_fill_the_cache():
    request, renders = RequestFactory().get("/de/"), Renders()
    preview = RequestFactory().get("/de/")
    preview.is_preview = True
    assert render(preview, renders) == "1"
    assert render(request, renders) == "2"
    assert render(preview, renders) == "3"
    assert render(request, renders) == "2"


def test_a_published_article_enters_the_cached_list_at_once(client):
    # A query string, so that the page cache stays out and only the fragments count.
    assert "Frisch gedruckt" not in client.get("/de/neuigkeiten/?page=1").content.decode()
    article = NewsPageFactory(parent=NewsIndexPage.objects.get(), title="Frisch gedruckt", live=False)
    article.save_revision().publish()
    assert "Frisch gedruckt" in client.get("/de/neuigkeiten/?page=1").content.decode()


def test_a_search_keeps_its_cards_in_the_search_memo_only(client):
    def stored_cards(memo):
        return [key for key in memo.values if "directory-cards" in str(key)]

    assert "Fahrrad" in client.get("/de/hilfe-und-angebote/?q=Fahrrad").content.decode()
    assert stored_cards(process_memo) == []
    assert [key for key in stored_cards(search_memo) if "Fahrrad" in key]
    assert "Fahrrad" not in str(list(cache._cache))
    client.get("/de/hilfe-und-angebote/?free=on")
    assert stored_cards(process_memo)


def test_search_words_are_a_part_of_the_search_memo_and_none_is_shared():
    request, renders = RequestFactory().get("/de/"), Renders()
    context = {"request": request, "renders": renders, "part": "a"}
    assert SEARCHED.render(Context({**context, "words": "Fahrrad"})) == "1"
    assert SEARCHED.render(Context({**context, "words": ""})) == "2"
    assert SEARCHED.render(Context({**context, "words": "Fahrrad"})) == "1"
    assert SEARCHED.render(Context({**context, "words": "Garten"})) == "3"
    assert SEARCHED.render(Context({**context, "words": ""})) == "2"
    assert not [key for key in process_memo.values if "Fahrrad" in str(key)]
    assert "Fahrrad" not in str(list(cache._cache))
    invalidate()
    assert SEARCHED.render(Context({**context, "request": RequestFactory().get("/de/"), "words": "Fahrrad"})) == "4"


@pytest.mark.parametrize(
    "path, table",
    [
        ("/de/neuigkeiten/?page=1", "news_newspage"),
        ("/de/neuigkeiten/?tag=kiezfest", "news_newspage"),
        ("/de/veranstaltungen/?page=1", "news_eventpage"),
        ("/de/veranstaltungen/?when=month", "news_eventpage"),
        ("/de/hilfe-und-angebote/?free=on", "directory_category"),
        ("/de/vereine/?page=1", "directory_clubpage"),
        ("/de/vereine/?category=umwelt", "directory_clubpage"),
    ],
)
def test_a_remembered_list_reads_neither_its_count_nor_its_items_again(client, path, table):
    first, first_reads = reads(client, path, table)
    second, second_reads = reads(client, path, table)
    assert first.status_code == second.status_code == 200
    assert first_reads
    assert second_reads == []
    assert second.content == first.content


def test_a_published_article_is_counted_and_its_topic_offered_at_once(client):
    before = client.get("/de/neuigkeiten/?page=1").context["articles"].paginator.count
    article = NewsPageFactory(parent=NewsIndexPage.objects.get(), title="Neu im Kiez", live=False)
    article.tags.add("brandneu")
    article.save_revision().publish()
    response = client.get("/de/neuigkeiten/?page=1")
    assert response.context["articles"].paginator.count == before + 1
    assert "brandneu" in [tag.name for tag in response.context["tags"]]
    assert "Neu im Kiez" in client.get("/de/neuigkeiten/?tag=brandneu").content.decode()


def test_an_unknown_topic_is_no_key_and_lists_nothing(client):
    response = client.get("/de/neuigkeiten/?tag=gibt-es-nicht")
    assert response.context["articles"].paginator.count == 0
    assert not [key for key in process_memo.values if "gibt-es-nicht" in str(key)]
    calendar = client.get("/de/veranstaltungen/?tag=gibt-es-nicht")
    assert calendar.context["occurrences"].paginator.count == 0
    assert not [key for key in process_memo.values if "gibt-es-nicht" in str(key)]


def test_a_saved_category_is_offered_at_once(client):
    assert "Umwelt und Natur" not in client.get("/de/hilfe-und-angebote/?free=on").content.decode()
    assert "Umwelt und Natur" not in client.get("/de/vereine/?page=1").content.decode()
    category = Category.objects.get(slug="umwelt")
    category.name = "Umwelt und Natur"
    category.save()
    assert "Umwelt und Natur" in client.get("/de/hilfe-und-angebote/?free=on").content.decode()
    assert "Umwelt und Natur" in client.get("/de/vereine/?page=1").content.decode()
