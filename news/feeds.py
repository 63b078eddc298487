"""RSS and Atom feeds of the news, whole or by tag, with Django's syndication framework.

Served by the news index page's routes (`feed/rss/`, `feed/atom/`, each with an
optional `?tag=`), so that every language's news section has its own feed.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext

from core.addresses import absolute

from .queries import query_param
from .structured_data import site_name


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, index_page):
        tag_slug = query_param(request, "tag")
        tag, items = index_page.feed_items(tag_slug)
        # Django reads `language` as an attribute, never calls it with the object: the
        # feed's language is that of its news section.
        self.language = index_page.locale.language_code
        return {"index": index_page, "tag": tag, "items": items}

    def title(self, obj):
        title = f"{site_name(self.request)}: {obj['index'].title}"
        if obj["tag"] is not None:
            title = f"{title} – {obj['tag'].name}"
        return title

    def link(self, obj):
        url = obj["index"].get_full_url(self.request)
        return f"{url}?tag={obj['tag'].slug}" if obj["tag"] is not None else url

    def description(self, obj):
        return obj["index"].intro or gettext("News from the neighbourhood")

    def feed_url(self, obj):
        return absolute(self.request.get_full_path())

    def items(self, obj):
        return obj["items"]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        # Stable across edits and moves, like the UIDs of the calendar.
        return f"urn:uuid:{item.translation_key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tag_list]

    def item_author_name(self, item):
        return site_name(self.request)


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)
