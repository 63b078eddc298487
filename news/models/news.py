from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.images import DescribedImageMixin
from core.visibility import published_in
from core.words import StemmedSearch
from home.blocks import BodyBlock

from ..queries import local_today, query_param, relevant_news_q, tags_of, with_list_images
from ..structured_data import news_article_data

ARTICLES_PER_PAGE = 10
FEED_ITEMS = 20
RELATED_ARTICLES = 3


class NewsPageTag(TaggedItemBase):
    """Tags are shared by all languages (django-taggit has no locales): keep them
    short German words, they are shown as they are in every language."""

    content_object = ParentalKey("news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("news tag")
        verbose_name_plural = _("news tags")


class NewsIndexPage(StemmedSearch, RoutablePageMixin, Page):
    """The news section: the current articles, newest first, with a tag filter, an
    archive of older news and RSS/Atom feeds.

    A routable page, so that the archive and the feeds live under the section's own
    address in every language.
    """

    # Sub-pages listed in sitemap.xml beside the page itself (core/sitemaps.py).
    sitemap_routes = ["archive"]

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def articles(self, request=None):
        """Live articles of this section in its language; untranslated ones in German."""
        section_paths = Page.objects.filter(translation_key=self.translation_key).values_list("path", flat=True)
        in_section = Q()
        for section_path in section_paths:
            in_section |= Q(path__startswith=section_path, depth=self.depth + 1)
        return published_in(NewsPage.objects.filter(in_section), self.locale, request)

    def used_tags(self, articles):
        return (
            Tag.objects.filter(news_newspagetag_items__content_object__in=articles.values("pk"))
            .distinct()
            .order_by("name")
        )

    def list_context(self, request, articles, archive=False):
        tags = list(self.used_tags(articles))
        # The tag the reader filters by, among those the list offers; a slug that no
        # article here has leads to an empty list that names it.
        tag_slug = query_param(request, "tag")
        tag = next((tag for tag in tags if tag.slug == tag_slug), None) if tag_slug else None
        unknown_tag = tag_slug if tag is None else ""
        if tag is not None:
            articles = articles.filter(tagged_items__tag=tag)
        elif unknown_tag:
            articles = articles.none()
        articles = with_list_images(
            articles.defer_streamfields().prefetch_related("tagged_items__tag").order_by("-date", "-pk")
        )
        paginator = Paginator(articles, ARTICLES_PER_PAGE)
        return {
            "articles": paginator.get_page(request.GET.get("page")),
            "tags": tags,
            "active_tag": tag,
            "unknown_tag": unknown_tag,
            "is_archive": archive,
        }

    @path("")
    def current(self, request):
        articles = self.articles(request).filter(relevant_news_q())
        return self.render(request, context_overrides=self.list_context(request, articles))

    @path("archive/")
    def archive(self, request):
        articles = self.articles(request).exclude(relevant_news_q())
        context = self.list_context(request, articles, archive=True)
        context["seo_title"] = gettext("Older news")
        return self.render(request, context_overrides=context)

    @path("feed/rss/")
    def rss_feed(self, request):
        from ..feeds import NewsRssFeed

        return NewsRssFeed()(request, index_page=self)

    @path("feed/atom/")
    def atom_feed(self, request):
        from ..feeds import NewsAtomFeed

        return NewsAtomFeed()(request, index_page=self)

    def feed_items(self, tag_slug=""):
        articles = self.articles().filter(relevant_news_q())
        if tag_slug:
            tag = self.used_tags(articles).filter(slug=tag_slug).first()
            if tag is None:
                raise Http404("No articles with this tag.")
            articles = articles.filter(tagged_items__tag=tag)
        else:
            tag = None
        articles = articles.defer_streamfields().prefetch_related("tagged_items__tag").order_by("-date", "-pk")
        return tag, list(articles[:FEED_ITEMS])


class NewsPage(StemmedSearch, DescribedImageMixin, Page):
    """An article: what happened or what is coming up in the neighbourhood.

    "Relevant until" lets editors say when an article goes stale (a road closure, a
    call for helpers): after that day it leaves the lists, the feeds and the home page
    but keeps its address, marked as older news.
    """

    # Indexed: the news index and the home page ask for the ten newest of thousands,
    # which without it means sorting every article (8 ms of 5,000 on PostgreSQL).
    date = models.DateField(
        _("date"), default=local_today, db_index=True, help_text=_("Shown above the article; lists sort by it.")
    )
    teaser = models.TextField(
        _("teaser"), max_length=400, help_text=_("Two or three sentences for lists, feeds and search results.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("text"), blank=True)
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))
    relevant_until = models.DateField(
        _("relevant until"),
        null=True,
        blank=True,
        help_text=_(
            "Optional. After this day the article leaves the news list, the feeds and the home page. "
            "It stays reachable at its address and is marked as older news."
        ),
    )

    search_fields = Page.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
        index.FilterField("relevant_until"),
    ]

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("relevant_until")], heading=_("Dates")),
        FieldPanel("teaser"),
        DescribedImageMixin.image_panel,
        FieldPanel("body"),
        FieldPanel("tags"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def clean(self):
        super().clean()
        errors = self.image_errors()
        if self.relevant_until and self.date and self.relevant_until < self.date:
            errors["relevant_until"] = _("An article cannot go stale before its own date.")
        if errors:
            raise ValidationError(errors)

    def get_admin_display_title(self):
        """Expired articles say so in every admin listing, so editors see what went stale."""
        title = super().get_admin_display_title()
        if self.is_expired:
            return gettext("%(title)s (no longer current since %(date)s)") % {
                "title": title,
                "date": date_format(self.relevant_until, "SHORT_DATE_FORMAT"),
            }
        return title

    @property
    def is_expired(self):
        return self.relevant_until is not None and self.relevant_until < local_today()

    @property
    def tag_list(self):
        """Tags through the prefetchable relation, so that lists need no query per article."""
        return tags_of(self)

    def related_articles(self, request=None):
        """Current articles of the same section sharing the most tags with this one."""
        tag_ids = [tag.pk for tag in self.tag_list]
        if not tag_ids:
            return []
        related = (
            published_in(NewsPage.objects, self.locale, request)
            .filter(relevant_news_q())
            .filter(tagged_items__tag_id__in=tag_ids)
            .exclude(translation_key=self.translation_key)
            .annotate(shared_tags=Count("tagged_items", distinct=True))
            .order_by("-shared_tags", "-date", "-pk")
            .defer_streamfields()
        )
        return list(with_list_images(related)[:RELATED_ARTICLES])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_articles"] = self.related_articles(request)
        context["structured_data"] = news_article_data(self, request)
        context["index_page"] = self.get_parent().specific_deferred
        return context

    @property
    def published_at(self):
        """The article's date as a moment, for feeds and structured data: the time of
        first publication when that was on the article's date, else noon of that day
        (not midnight, which readers showing UTC would put on the day before)."""
        first = self.first_published_at
        if first is not None and timezone.localtime(first).date() == self.date:
            return first
        return datetime.combine(self.date, time(12), tzinfo=timezone.get_default_timezone())
