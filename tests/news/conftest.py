import pytest

from news.models import EventIndexPage, NewsIndexPage


@pytest.fixture
def news_index(db):
    return NewsIndexPage.objects.get(slug="neuigkeiten")


@pytest.fixture
def calendar(db):
    return EventIndexPage.objects.get(slug="veranstaltungen")
