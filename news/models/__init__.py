"""News and the neighbourhood calendar: the page types and their tags."""

from .calendar import EventIndexPage
from .events import EventException, EventPage, EventPageTag
from .news import NewsIndexPage, NewsPage, NewsPageTag
from .proposals import EventProposal

__all__ = [
    "EventException",
    "EventIndexPage",
    "EventPage",
    "EventPageTag",
    "EventProposal",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
]
