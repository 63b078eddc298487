"""Event pages: dates, repetition and exceptions, place, organiser and cost."""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Left
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, get_page_models
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.images import DescribedImageMixin
from core.locales import in_reader_language
from core.words import StemmedSearch
from home.blocks import BodyBlock

from ..occurrences import Occurrence
from ..queries import local_midnight, local_today, tags_of
from ..recurrence import MAX_COUNT, Repeat, Rule
from ..structured_data import event_data

# Dates an event page lists.
NEXT_DATES = 8

# Event pages live under the calendar, and under the pages of other apps that organise
# the events beneath them (`organises_events = True` and "news.EventPage" among their
# subpage_types, like a club's page): news names none of them. The calendar finds them
# all, because it lists every live event page of the site, not only its children.
EVENT_PARENT_PAGE_TYPES = ["news.EventIndexPage"]


def organiser_page_models():
    """The page types that organise the events beneath them."""
    return [model for model in get_page_models() if getattr(model, "organises_events", False)]


class EventPageTag(TaggedItemBase):
    """Topics of events; shared by all languages, like the news tags."""

    content_object = ParentalKey("news.EventPage", related_name="tagged_items", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("event tag")
        verbose_name_plural = _("event tags")


class EventPageQuerySet(PageQuerySet):
    def with_parent(self):
        """Annotate the parent page's title and type, so that `organiser` needs no query
        per event in lists and feeds."""
        parents = Page.objects.filter(path=Left(OuterRef("path"), (OuterRef("depth") - 1) * Page.steplen))
        return self.annotate(
            parent_title=Subquery(parents.values("title")[:1]),
            parent_content_type_id=Subquery(parents.values("content_type_id")[:1]),
        )

    def in_window(self, window_start, window_end):
        """Events with at least one date that may overlap [window_start, window_end);
        the exact dates come from expanding each event's rule."""
        return self.filter(start__lt=window_end).filter(
            Q(series_ends_at__isnull=True) | Q(series_ends_at__gte=window_start)
        )


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


class EventPage(StemmedSearch, DescribedImageMixin, RoutablePageMixin, Page):
    """An event: a single date (one evening, a whole day, several days) or a meeting
    that repeats, e.g. every Tuesday or every 2nd Saturday of the month.

    Times are entered and shown in the site's time zone (Europe/Berlin); the database
    keeps them as aware datetimes. A routable page for its own iCalendar download.
    """

    teaser = models.TextField(
        _("short description"), max_length=400, help_text=_("Two or three sentences for the calendar and feeds.")
    )
    start = models.DateTimeField(
        _("starts"), help_text=_("For a repeating event: the first date. For an all-day event the time is ignored.")
    )
    end = models.DateTimeField(
        _("ends"),
        null=True,
        blank=True,
        help_text=_("Optional. A later day makes it an event over several days."),
    )
    all_day = models.BooleanField(_("all day"), default=False)
    repeat = models.CharField(_("repeats"), max_length=20, choices=Repeat.choices, blank=True, default="")
    repeat_interval = models.PositiveSmallIntegerField(
        _("every"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("1 = every week or month, 2 = every other one, and so on."),
    )
    repeat_until = models.DateField(
        _("repeats until"), null=True, blank=True, help_text=_("The last day on which it can take place.")
    )
    repeat_count = models.PositiveSmallIntegerField(
        _("number of dates"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_COUNT)],
        help_text=_("Instead of an end date: how many times it takes place. Leave both empty if it has no end."),
    )
    # The end of the last date, kept up to date on save so that the calendar finds the
    # events of a period with one query; empty while a repetition has no end.
    series_ends_at = models.DateTimeField(null=True, blank=True, editable=False, db_index=True)

    place_name = models.CharField(_("place"), max_length=200, blank=True, help_text=_("e.g. Nachbarschaftshaus"))
    address = models.TextField(_("address"), blank=True, help_text=_("Street and number, postcode and town"))
    # Free text until clubs and providers exist; a link to a club page or provider is
    # to be added beside it, and `organiser` below prefers that link when set.
    organiser_name = models.CharField(_("organiser"), max_length=200, blank=True)
    organiser_url = models.URLField(_("organiser's website"), blank=True)
    is_free = models.BooleanField(_("free of charge"), default=True)
    price = models.DecimalField(
        _("price in euros"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    price_note = models.CharField(
        _("note on the price"), max_length=200, blank=True, help_text=_("e.g. reduced 3 euros, donations welcome")
    )
    registration_required = models.BooleanField(_("registration required"), default=False)
    registration_info = models.TextField(
        _("how to register"), blank=True, help_text=_("By phone, by e-mail, by when; or where to get tickets.")
    )
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Steps, lift, accessible toilet, hearing loop, sign language: what visitors need to know."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("text"), blank=True)
    tags = ClusterTaggableManager(through=EventPageTag, blank=True, verbose_name=_("topics"))

    objects = EventPageManager()

    search_fields = Page.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.SearchField("place_name"),
        index.SearchField("organiser_name"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("start"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("teaser"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("all_day")],
            heading=_("Date and time"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("repeat"),
                FieldPanel("repeat_interval"),
                FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
                InlinePanel("exceptions", heading=_("Dates on which it does not take place"), label=_("Date")),
            ],
            heading=_("Repetition"),
        ),
        MultiFieldPanel([FieldPanel("place_name"), FieldPanel("address")], heading=_("Place")),
        MultiFieldPanel([FieldPanel("organiser_name"), FieldPanel("organiser_url")], heading=_("Organiser")),
        MultiFieldPanel(
            [
                FieldPanel("is_free"),
                FieldRowPanel([FieldPanel("price"), FieldPanel("price_note")]),
                FieldPanel("registration_required"),
                FieldPanel("registration_info"),
            ],
            heading=_("Cost and registration"),
        ),
        FieldPanel("accessibility"),
        DescribedImageMixin.image_panel,
        FieldPanel("body"),
        FieldPanel("tags"),
    ]

    parent_page_types = EVENT_PARENT_PAGE_TYPES
    subpage_types = []

    @classmethod
    def clean_parent_page_models(cls):
        """The calendar, and every page type that organises its events (Wagtail keeps
        a parent type only where both sides allow it)."""
        own = super().clean_parent_page_models()
        return own + [model for model in organiser_page_models() if model not in own]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        self.normalise_times()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The end must not be before the start.")
        if self.repeat:
            if self.repeat_until and self.repeat_count:
                errors["repeat_count"] = _("Give either an end date or a number of dates, not both.")
            if self.start and self.repeat_until and self.repeat_until < self.local_start.date():
                errors["repeat_until"] = _("The repetition cannot end before the first date.")
            if self.start and self.end and self.local_end.date() > self.local_start.date():
                period = timedelta(weeks=self.repeat_interval or 1)
                if self.repeat != Repeat.WEEKLY:
                    period = timedelta(days=28 * (self.repeat_interval or 1))
                if self.end - self.start >= period:
                    errors["end"] = _("A repeating event must end before its next date begins.")
        if not self.is_free and self.price is None and not self.price_note.strip():
            errors["price"] = _("Enter a price, or a note such as “donations welcome”.")
        if self.registration_required and not self.registration_info.strip():
            errors["registration_info"] = _("Tell residents how to register.")
        errors.update(self.image_errors())
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.normalise_times()
        self.series_ends_at = self.compute_series_end()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "start" in update_fields:
            kwargs["update_fields"] = {*update_fields, "series_ends_at"}
        return super().save(*args, **kwargs)

    def normalise_times(self):
        """All-day events start at midnight of their first day and keep midnight of
        their last day as end, in the site's time zone; the time entered is ignored."""
        if self.all_day and self.start:
            first_day = self.local_start.date()
            self.start = local_midnight(first_day)
            last_day = self.local_end.date() if self.end else first_day
            self.end = local_midnight(max(last_day, first_day))
        if self.start and self.end and not self.all_day and self.end == self.start:
            self.end = None

    # Times and rule

    @property
    def local_start(self):
        return timezone.localtime(self.start, timezone.get_default_timezone())

    @property
    def local_end(self):
        return timezone.localtime(self.end, timezone.get_default_timezone()) if self.end else None

    @property
    def duration(self):
        """Length of each date in wall-clock time: 19:00 to 21:00 stays two hours on the
        day the clocks change, as it does on the poster."""
        if self.all_day:
            last_day = self.local_end.date() if self.end else self.local_start.date()
            return timedelta(days=(last_day - self.local_start.date()).days + 1)
        if self.end:
            return self.local_end.replace(tzinfo=None) - self.local_start.replace(tzinfo=None)
        return timedelta(0)

    @property
    def rule(self):
        return Rule(
            start=self.local_start,
            repeat=self.repeat,
            interval=self.repeat_interval,
            until=self.repeat_until,
            count=self.repeat_count,
        )

    @property
    def schedule_frequency(self):
        """The interval as ISO 8601 duration, for schema.org's eventSchedule."""
        interval = self.repeat_interval or 1
        return f"P{interval}W" if self.repeat == Repeat.WEEKLY else f"P{interval}M"

    def compute_series_end(self):
        if not self.start:
            return None
        last_start = self.rule.last_start()
        if last_start is None:
            return None
        return last_start + self.duration

    @cached_property
    def exception_dates(self):
        return {exception.date for exception in self.exceptions.all()}

    def occurrences(self, window_start, window_end):
        """The dates of this event that overlap [window_start, window_end), without the
        dates on which it does not take place."""
        duration = self.duration
        occurrences = []
        for start in self.rule.starts_between(window_start - duration, window_end):
            if start.date() in self.exception_dates:
                continue
            end = None
            if self.all_day:
                end = start + duration - timedelta(days=1)
            elif self.end:
                end = start + duration
            occurrence = Occurrence(event=self, start=start, end=end, all_day=self.all_day)
            if occurrence.overlaps(window_start, window_end):
                occurrences.append(occurrence)
        return occurrences

    def next_occurrences(self, limit=NEXT_DATES):
        now = timezone.now()
        return self.occurrences(now, now + timedelta(days=366 * 2))[:limit]

    def upcoming_exceptions(self):
        today = local_today()
        return [exception for exception in self.exceptions.all() if exception.date >= today]

    @property
    def is_past(self):
        return self.series_ends_at is not None and self.series_ends_at <= timezone.now()

    @property
    def repetition_text(self):
        """E.g. "every 2nd Tuesday of the month, until 30 June 2026"."""
        text = self.rule.describe()
        if not text:
            return ""
        from django.utils.formats import date_format

        if self.repeat_until:
            return gettext("%(rule)s, until %(date)s") % {"rule": text, "date": date_format(self.repeat_until)}
        if self.repeat_count:
            return gettext("%(rule)s, %(count)d dates in all") % {"rule": text, "count": self.repeat_count}
        return text

    # What the templates and exports show

    @property
    def address_lines(self):
        return [line.strip() for line in self.address.splitlines() if line.strip()]

    @property
    def location_text(self):
        """Place and address in one line, for the calendar list and iCalendar LOCATION."""
        parts = [self.place_name.strip()] + [line for line in self.address_lines if line != self.place_name.strip()]
        return ", ".join(part for part in parts if part)

    @cached_property
    def organiser(self):
        """Name and link of the organiser: the page the event lives under when that
        page organises its events (a club's page), else what the editor entered."""
        if not hasattr(self, "parent_content_type_id"):
            parent = self.get_parent()
            self.parent_title, self.parent_content_type_id = parent.title, parent.content_type_id
        organiser_types = ContentType.objects.get_for_models(*organiser_page_models()).values()
        if self.parent_content_type_id in {content_type.pk for content_type in organiser_types}:
            # An event's address is its parent's plus its own slug.
            parent_url = in_reader_language(self.url.removesuffix(f"{self.slug}/")) if self.url else None
            return {"name": self.organiser_name or self.parent_title, "url": parent_url}
        if not self.organiser_name:
            return None
        return {"name": self.organiser_name, "url": self.organiser_url}

    @property
    def tag_list(self):
        return tags_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        next_dates = self.next_occurrences()
        if next_dates:
            shown = next_dates[0]
        else:
            # A past event still gets its date in structured data: its first one.
            shown = next(iter(self.occurrences(self.start, self.start + timedelta(days=400))), None)
        context["next_dates"] = next_dates
        from .calendar import EventIndexPage  # the calendar module imports this one

        context["calendar_page"] = EventIndexPage.objects.live().filter(locale=self.locale).first()
        context["structured_data"] = event_data(self, request, shown)
        return context

    @path("ical/")
    def ical(self, request):
        from ..ical import event_response

        return event_response(request, self)

    def ical_url(self):
        return in_reader_language(self.url) + self.reverse_subpage("ical")


class EventException(Orderable):
    """A date on which a repeating event does not take place, e.g. in the holidays."""

    page = ParentalKey(EventPage, related_name="exceptions", on_delete=models.CASCADE)
    date = models.DateField(_("date"))
    reason = models.CharField(_("reason"), max_length=200, blank=True, help_text=_("Optional, e.g. summer holidays"))

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("reason")])]

    class Meta(Orderable.Meta):
        verbose_name = _("date without the event")
        verbose_name_plural = _("dates without the event")

    def __str__(self):
        return str(self.date)
