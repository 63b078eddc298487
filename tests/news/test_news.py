"""The news section: lists, freshness, tags, feeds, structured data and the home page."""

import json
import re
from datetime import timedelta

import feedparser
import pytest

from django.utils import timezone

from wagtail.images.models import Image

from news.models import NewsPage
from tests.news.factories import NewsPageFactory

TODAY = timezone.localdate


def titles(response):
    return [article.title for article in response.context["articles"]]


@pytest.mark.django_db
def test_index_lists_current_articles_newest_first(client, news_index):
    response = client.get(news_index.url)
    listed = list(response.context["articles"])
    assert len(listed) == 10  # first page of the demo's ten current articles
    assert [article.date for article in listed] == sorted((article.date for article in listed), reverse=True)
    assert "Neue Bänke auf dem Lindenplatz" in titles(response)


@pytest.mark.django_db
def test_relevant_until_hides_an_article_after_that_day(client, news_index):
    today = NewsPageFactory(parent=news_index, title="Heute noch aktuell", relevant_until=TODAY())
    stale = NewsPageFactory(
        parent=news_index,
        title="Gestern abgelaufen",
        date=TODAY() - timedelta(days=3),
        relevant_until=TODAY() - timedelta(days=1),
    )
    current = titles(client.get(news_index.url))
    assert today.title in current
    assert stale.title not in current

    archive = client.get(news_index.url + "archive/")
    assert stale.title in titles(archive)
    assert today.title not in titles(archive)
    assert "Ältere Meldungen" in archive.content.decode()

    # Still reachable at its address, marked as older news.
    html = client.get(stale.url).content.decode()
    assert "<strong>Ältere Meldungen:</strong>" in html
    assert "womöglich nicht mehr aktuell" in html
    assert "Ältere Meldungen" not in client.get(today.url).content.decode()


@pytest.mark.django_db
def test_expired_articles_leave_the_home_page_and_the_feeds(client, news_index):
    NewsPageFactory(
        parent=news_index,
        title="Abgelaufene Meldung",
        date=TODAY() - timedelta(days=3),
        relevant_until=TODAY() - timedelta(days=1),
    )
    NewsPageFactory(parent=news_index, title="Frische Meldung", date=TODAY())
    home = client.get("/de/").content.decode()
    assert "Frische Meldung" in home
    assert "Abgelaufene Meldung" not in home
    feed = feedparser.parse(client.get(news_index.url + "feed/rss/").content)
    assert "Frische Meldung" in [entry.title for entry in feed.entries]
    assert "Abgelaufene Meldung" not in [entry.title for entry in feed.entries]


@pytest.mark.django_db
def test_tag_filter(client, news_index):
    response = client.get(news_index.url, {"tag": "umwelt"})
    listed = titles(response)
    assert set(listed) == {
        "Repair-Café feiert den 100. Reparaturtermin",
        "Nachbarschaftsgarten sucht Gießpatinnen und Gießpaten",
    }
    html = response.content.decode()
    assert '<span aria-current="page">Umwelt</span>' in html
    assert '<link rel="alternate" type="application/rss+xml"' in html and "feed/rss/?tag=umwelt" in html


@pytest.mark.django_db
def test_unknown_tag_is_answered_with_a_notice(client, news_index):
    response = client.get(news_index.url, {"tag": "gibt-es-nicht"})
    assert response.status_code == 200
    assert titles(response) == []
    assert "Zum Thema „gibt-es-nicht“ gibt es hier keine Artikel." in response.content.decode()


@pytest.mark.django_db
def test_index_is_paginated(client, news_index):
    for number in range(15):
        NewsPageFactory(parent=news_index, title=f"Meldung {number}")
    first = client.get(news_index.url)
    assert first.context["articles"].paginator.count == 25
    second = client.get(news_index.url, {"page": 3})
    assert len(second.context["articles"]) == 5
    assert 'rel="prev"' in second.content.decode()


@pytest.mark.django_db
def test_related_articles_share_tags_and_are_current(client, news_index):
    article = NewsPageFactory(parent=news_index, title="Neues Hochbeet", tags=["Umwelt", "Mitmachen"])
    NewsPageFactory(
        parent=news_index,
        title="Alte Gartenmeldung",
        tags=["Umwelt", "Mitmachen"],
        relevant_until=TODAY() - timedelta(days=1),
        date=TODAY() - timedelta(days=2),
    )
    related = [page.title for page in client.get(article.url).context["related_articles"]]
    # Two shared tags rank before one; the expired article and the article itself are left out.
    assert related[0] == "Nachbarschaftsgarten sucht Gießpatinnen und Gießpaten"
    assert len(related) == 3
    assert "Alte Gartenmeldung" not in related
    assert "Neues Hochbeet" not in related
    assert NewsPageFactory(parent=news_index, tags=["Einzigartig"]).related_articles() == []
    assert NewsPageFactory(parent=news_index).related_articles() == []


@pytest.mark.django_db
def test_rss_and_atom_feeds_parse(client, news_index):
    for kind, version in [("rss", "rss20"), ("atom", "atom10")]:
        response = client.get(f"{news_index.url}feed/{kind}/")
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.version == version
        assert feed.feed.language == "de"
        assert b"bound method" not in response.content
        assert feed.feed.title == "Lindenkiez: Neuigkeiten"
        assert len(feed.entries) == 10
        entry = next(entry for entry in feed.entries if entry.title == "Neue Bänke auf dem Lindenplatz")
        page = NewsPage.objects.get(slug="neue-baenke-lindenplatz")
        assert entry.link == f"http://testserver{page.url}"
        assert entry.id == f"urn:uuid:{page.translation_key}"
        assert "Armlehnen" in entry.summary
        assert {tag.term for tag in entry.tags} == {"Lindenplatz", "Senioren"}
        assert entry.published_parsed[:3] == page.date.timetuple()[:3]


@pytest.mark.django_db
def test_feed_per_tag(client, news_index):
    feed = feedparser.parse(client.get(news_index.url + "feed/atom/", {"tag": "senioren"}).content)
    assert {entry.title for entry in feed.entries} == {
        "Neue Bänke auf dem Lindenplatz",
        "Smartphone-Sprechstunde für Seniorinnen und Senioren",
    }
    assert feed.feed.title == "Lindenkiez: Neuigkeiten – Senioren"
    assert client.get(news_index.url + "feed/rss/", {"tag": "gibt-es-nicht"}).status_code == 404


@pytest.mark.django_db
def test_article_has_json_ld_and_open_graph(client):
    page = NewsPage.objects.get(slug="neue-baenke-lindenplatz")
    html = client.get(page.url).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == page.title
    assert data["datePublished"].startswith(page.date.isoformat())
    assert data["image"][0].startswith("http://testserver/")
    assert data["publisher"]["name"] == "Lindenkiez"
    assert '<meta property="og:type" content="article">' in html
    assert f'<meta property="og:url" content="http://testserver{page.url}">' in html
    assert '<meta property="og:image" content="http://testserver/' in html
    assert '<meta property="og:image:alt" content="Gezeichnete Häuserzeile am Lindenplatz">' in html


@pytest.mark.django_db
def test_json_ld_cannot_close_its_script_element(client, news_index):
    page = NewsPageFactory(parent=news_index, title="</script><script>alert(1)</script>")
    html = client.get(page.url).content.decode()
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert json.loads(script)["headline"] == "</script><script>alert(1)</script>"
    assert "<script>alert(1)" not in html


@pytest.mark.django_db
def test_article_needs_an_image_description(news_index):
    from django.core.exceptions import ValidationError

    image = Image.objects.first()
    image.description = ""
    image.save()
    article = NewsPage(title="Bild", teaser="x", image=image, image_alt=" ")
    with pytest.raises(ValidationError) as raised:
        article.clean()
    assert "image_alt" in raised.value.message_dict


@pytest.mark.django_db
def test_an_image_described_in_the_library_needs_no_second_description(client, news_index):
    """An editor who described the image on upload is not asked again; the page's own
    words, when given, win."""
    image = Image.objects.first()
    image.description = "Kinder pflanzen Tulpen am Lindenplatz"
    image.save()
    article = NewsPageFactory(parent=news_index, title="Frühling", image=image, image_alt="")
    article.clean()
    html = client.get(article.url).content.decode()
    assert 'alt="Kinder pflanzen Tulpen am Lindenplatz"' in html
    article.image_alt = "Tulpen im Beet"
    article.save_revision().publish()
    assert 'alt="Tulpen im Beet"' in client.get(article.url).content.decode()


@pytest.mark.django_db
def test_scheduled_article_appears_only_when_it_goes_live(client, news_index):
    article = NewsPageFactory(parent=news_index, title="Geplante Meldung", live=False)
    article.go_live_at = timezone.now() + timedelta(days=1)
    article.save_revision().publish()
    assert not NewsPage.objects.get(pk=article.pk).live
    assert "Geplante Meldung" not in titles(client.get(news_index.url))


@pytest.mark.django_db
def test_home_page_shows_latest_news_and_next_dates(client):
    response = client.get("/de/")
    html = response.content.decode()
    assert "Neues aus der Nachbarschaft" in html
    assert "Neue Bänke auf dem Lindenplatz" in html
    assert 'href="/de/neuigkeiten/">Alle Neuigkeiten</a>' in html
    assert "Demnächst" in html
    assert 'href="/de/veranstaltungen/">Alle Veranstaltungen im Kalender</a>' in html
    home = html[html.index('id="home-events-heading"') :]
    assert ">Nachbarschaftscafé</a>" in home or ">Flohmarkt auf dem Lindenplatz</a>" in home
    assert home.count('class="event-entry"') == 5


@pytest.mark.django_db
def test_english_home_page_shows_the_german_news(client):
    html = client.get("/en/").content.decode()
    assert "News from the neighbourhood" in html
    assert "Neue Bänke auf dem Lindenplatz" in html
