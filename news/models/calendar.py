"""The neighbourhood calendar page: its list of dates, archive and feeds."""

from datetime import timedelta

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.addresses import absolute
from core.locales import in_reader_language
from core.visibility import published_in
from core.words import StemmedSearch

from ..occurrences import dates_in_window, group_by_day
from ..queries import local_midnight, local_today, query_param
from .events import EventPage

OCCURRENCES_PER_PAGE = 40
# How far back the archive and the iCalendar feed reach.
ARCHIVE_DAYS = 365
FEED_PAST_DAYS = 90


class EventIndexPage(StemmedSearch, RoutablePageMixin, Page):
    """The neighbourhood calendar: upcoming dates of every event on the site, grouped by
    day, with filters, an archive and iCalendar downloads and subscriptions.

    A routable page, so that the archive and the iCalendar feed live under the
    calendar's own address.
    """

    # Sub-pages listed in sitemap.xml beside the page itself (core/sitemaps.py).
    sitemap_routes = ["archive"]

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    proposal_criteria = RichTextField(
        _("what the calendar accepts"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Shown above the form for proposing an event; whoever proposes one confirms it."),
    )

    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("proposal_criteria")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.EventPage"]

    class Meta:
        verbose_name = _("event calendar")
        verbose_name_plural = _("event calendars")

    def events(self, request=None):
        """Every live event of the site in this calendar's language (German where untranslated)."""
        return published_in(EventPage.objects, self.locale, request)

    def used_tags(self, events):
        return (
            Tag.objects.filter(news_eventpagetag_items__content_object__in=events.values("pk"))
            .distinct()
            .order_by("name")
        )

    def _list(self, request, form, occurrences, first_day=None):
        page = Paginator(occurrences, OCCURRENCES_PER_PAGE).get_page(request.GET.get("page"))
        # A weekly event is described at its first date on the page; its later dates
        # show time, title and place only.
        described = set()
        days = []
        for day, day_occurrences in group_by_day(page.object_list, first_day):
            entries = []
            for occurrence in day_occurrences:
                entries.append((occurrence, occurrence.event.pk in described))
                described.add(occurrence.event.pk)
            days.append((day, entries))
        return {
            "form": form,
            "occurrences": page,
            "days": days,
            "active_tag": form.active_tag,
        }

    @path("")
    def upcoming(self, request):
        from ..forms import CalendarFilterForm

        all_events = self.events(request)
        form = CalendarFilterForm(request.GET, tags=list(self.used_tags(all_events)))
        window_start, window_end = form.window()
        events = form.filter_events(all_events.in_window(window_start, window_end))
        occurrences = dates_in_window(events, window_start, window_end)
        context = self._list(request, form, occurrences, first_day=window_start.date())
        ical_url = self.ical_url(form.active_tag)
        feed_url = absolute(ical_url)
        context.update(
            window_start=window_start,
            window_last_day=(window_end - timedelta(days=1)).date(),
            next_period_start=window_end.date() if window_end.date() <= form.latest_day else None,
            ical_url=ical_url,
            feed_url=feed_url,
            # webcal:// makes phones and calendar programs offer a subscription.
            webcal_url="webcal://" + feed_url.split("://", 1)[1],
        )
        return self.render(request, context_overrides=context)

    @path("archive/")
    def archive(self, request):
        from ..forms import CalendarFilterForm

        all_events = self.events(request)
        form = CalendarFilterForm(request.GET, tags=list(self.used_tags(all_events)), archive=True)
        window_end = timezone.now()
        window_start = local_midnight(local_today() - timedelta(days=ARCHIVE_DAYS))
        events = form.filter_events(all_events.in_window(window_start, window_end))
        # Past dates only: a date that is still running belongs to the upcoming list.
        occurrences = dates_in_window(events, window_start, window_end, reverse=True).filter(
            lambda occurrence: occurrence.ends_at <= window_end
        )
        context = self._list(request, form, occurrences)
        context.update(is_archive=True, seo_title=gettext("Past events"))
        return self.render(request, context_overrides=context)

    # Event proposals from residents and groups without an account (news/proposals.py).
    @path("melden/", name="propose")
    def propose(self, request):
        from .. import proposals

        return proposals.propose(request, self)

    @path("melden/danke/", name="proposal_thanks")
    def proposal_thanks(self, request):
        from .. import proposals

        return proposals.thanks(request, self)

    @path("melden/<int:pk>/aendern/", name="proposal_edit")
    def proposal_edit(self, request, pk):
        from .. import proposals

        return proposals.edit(request, self, pk)

    @path("ical/")
    def ical_feed(self, request):
        from ..ical import calendar_response

        # The organiser of each event, for its description in the feed.
        events = self.events(request).with_parent()
        tag = None
        tag_slug = query_param(request, "tag")
        if tag_slug:
            tag = self.used_tags(events).filter(slug=tag_slug).first()
            if tag is None:
                raise Http404("No events with this tag.")
            events = events.filter(tagged_items__tag=tag)
        since = local_midnight(local_today() - timedelta(days=FEED_PAST_DAYS))
        events = events.filter(Q(series_ends_at__isnull=True) | Q(series_ends_at__gte=since))
        return calendar_response(request, self, events, tag=tag)

    def ical_url(self, tag=None):
        url = in_reader_language(self.url) + self.reverse_subpage("ical_feed")
        return f"{url}?tag={tag.slug}" if tag is not None else url
