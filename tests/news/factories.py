from datetime import datetime, time, timedelta

import factory
import wagtail_factories

from django.utils import timezone

from taggit.models import Tag

from news.models import EventIndexPage, EventPage, EventPageTag, NewsIndexPage, NewsPage, NewsPageTag

BERLIN = timezone.get_default_timezone()


def berlin(day, hour=19, minute=0):
    """An aware datetime at a wall-clock time in Berlin."""
    return datetime.combine(day, time(hour, minute), tzinfo=BERLIN)


def tag_objects(*names):
    return [Tag.objects.get_or_create(name=name, defaults={"slug": name.lower()})[0] for name in names]


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Meldungen {n}")
    slug = factory.Sequence(lambda n: f"meldungen-{n}")

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    """An article; `tags=["Umwelt"]` tags it (through the cluster, so it is saved with the page)."""

    title = factory.Sequence(lambda n: f"Nachricht {n}")
    slug = factory.Sequence(lambda n: f"nachricht-{n}")
    teaser = "Etwas ist passiert im Lindenkiez."
    date = factory.LazyFunction(timezone.localdate)

    class Meta:
        model = NewsPage

    @classmethod
    def _create(cls, model_class, *args, tags=(), **kwargs):
        kwargs["tagged_items"] = [NewsPageTag(tag=tag) for tag in tag_objects(*tags)]
        return super()._create(model_class, *args, **kwargs)


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Termine {n}")
    slug = factory.Sequence(lambda n: f"termine-{n}")

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    """An event tomorrow evening unless told otherwise; `tags=[...]` and
    `exceptions=[EventException(...)]` work as for the page model."""

    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    slug = factory.Sequence(lambda n: f"veranstaltung-{n}")
    teaser = "Eine Veranstaltung im Lindenkiez."
    start = factory.LazyFunction(lambda: berlin(timezone.localdate() + timedelta(days=1), 19))
    end = factory.LazyAttribute(lambda page: page.start + timedelta(hours=2))
    place_name = "Nachbarschaftshaus"

    class Meta:
        model = EventPage

    @classmethod
    def _create(cls, model_class, *args, tags=(), **kwargs):
        kwargs["tagged_items"] = [EventPageTag(tag=tag) for tag in tag_objects(*tags)]
        return super()._create(model_class, *args, **kwargs)
