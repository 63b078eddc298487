"""News and the neighbourhood calendar: the page types and their tags."""

from .calendar import EventIndexPage
from .events import EventException, EventPage, EventPageTag
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
