"""News and the neighbourhood calendar: the page types and their tags."""

from .events import EventException, EventIndexPage, EventPage, EventPageTag
from .news import NewsIndexPage, NewsPage, NewsPageTag

__all__ = [
    "EventException",
    "EventIndexPage",
    "EventPage",
    "EventPageTag",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
]
