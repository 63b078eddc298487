"""Admin listings of all articles and all events, wherever they live in the page tree,
with their dates, tags and freshness.

Wagtail's PageListingViewSet gives each page type a flat list with filters and the
usual page actions, so editors do not have to walk the tree to find what went stale.
"""

import django_filters

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet

from .models import EventPage, NewsPage
from .queries import local_today, relevant_news_q


class TagsColumn(Column):
    """Tag names from the prefetched relation: one query for the whole listing."""

    def get_value(self, instance):
        return ", ".join(item.tag.name for item in instance.tagged_items.all())


class RelevanceColumn(Column):
    def get_value(self, instance):
        if instance.relevant_until is None:
            return ""
        text = date_format(instance.relevant_until, "SHORT_DATE_FORMAT")
        if instance.is_expired:
            # Words, not only a colour: the state must be readable without it.
            return format_html("{} <strong>({})</strong>", text, _("expired"))
        return text


class NewsFilterSet(PageListingViewSet.filterset_class):
    relevance = django_filters.ChoiceFilter(
        label=_("Relevance"),
        empty_label=_("Any"),
        choices=[("current", _("Current")), ("expired", _("No longer current"))],
        method="filter_relevance",
    )
    date = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)
    tag = django_filters.CharFilter(label=_("Tag"), field_name="tags__name", lookup_expr="iexact", distinct=True)

    class Meta:
        model = NewsPage
        fields = []

    def filter_relevance(self, queryset, name, value):
        if value == "current":
            return queryset.filter(relevant_news_q())
        if value == "expired":
            return queryset.filter(relevant_until__lt=local_today())
        return queryset


class EventFilterSet(PageListingViewSet.filterset_class):
    timing = django_filters.ChoiceFilter(
        label=_("Dates"),
        empty_label=_("Any"),
        choices=[("upcoming", _("Has upcoming dates")), ("past", _("Over"))],
        method="filter_timing",
    )
    tag = django_filters.CharFilter(label=_("Topic"), field_name="tags__name", lookup_expr="iexact", distinct=True)

    class Meta:
        model = EventPage
        fields = []

    def filter_timing(self, queryset, name, value):
        now = timezone.now()
        upcoming = Q(series_ends_at__isnull=True) | Q(series_ends_at__gt=now)
        if value == "upcoming":
            return queryset.filter(upcoming)
        if value == "past":
            return queryset.exclude(upcoming)
        return queryset


class TaggedPagesIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("tagged_items__tag")


class NewsListing(PageListingViewSet):
    model = NewsPage
    index_view_class = TaggedPagesIndexView
    icon = "doc-full"
    menu_label = _("News articles")
    name = "news_articles"
    filterset_class = NewsFilterSet
    columns = [
        *PageListingViewSet.columns,
        DateColumn("date", label=_("Date"), sort_key="date", width="10%"),
        RelevanceColumn("relevant_until", label=_("Relevant until"), sort_key="relevant_until", width="14%"),
        TagsColumn("tags", label=_("Tags"), width="16%"),
    ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(default_ordering="-date", **kwargs)


class EventListing(PageListingViewSet):
    model = EventPage
    index_view_class = TaggedPagesIndexView
    icon = "date"
    menu_label = _("Events")
    name = "events"
    filterset_class = EventFilterSet
    columns = [
        *PageListingViewSet.columns,
        DateColumn("start", label=_("First date"), sort_key="start", width="12%"),
        Column("repetition_text", label=_("Repeats"), width="18%"),
        TagsColumn("tags", label=_("Topics"), width="14%"),
    ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(default_ordering="-start", **kwargs)


class NewsAndEvents(ViewSetGroup):
    menu_label = _("News and events")
    menu_icon = "calendar-alt"
    menu_order = 150
    items = (NewsListing, EventListing)


@hooks.register("register_admin_viewset")
def register_news_listings():
    return NewsAndEvents()


# How long an article that passed its "relevant until" date stays on the editors'
# list: long enough to update or extend it, short enough that the list does not fill
# up with every article ever written.
RECENTLY_STALE_DAYS = 14


@hooks.register("quartier_needs_attention")
def news_past_relevance():
    from django.urls import reverse
    from django.utils.translation import gettext

    from core.attention import AttentionItem

    today = local_today()
    recently = today - timezone.timedelta(days=RECENTLY_STALE_DAYS)
    for article in NewsPage.objects.live().filter(relevant_until__lt=today, relevant_until__gte=recently):
        yield AttentionItem(
            title=article.title,
            reason=gettext("No longer relevant since %(date)s: it left the lists; update or extend it if needed")
            % {"date": date_format(article.relevant_until)},
            edit_url=reverse("wagtailadmin_pages:edit", args=[article.pk]),
            kind=gettext("News article"),
            since=article.relevant_until,
        )


@hooks.register("quartier_contribution_kinds")
def event_proposals():
    from .proposals import event_kind

    return event_kind()
