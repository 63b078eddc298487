"""The rooms' public page and its routes (views.py)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.locales import in_reader_language
from core.words import StemmedSearch


class RoomsPage(StemmedSearch, RoutablePageMixin, Page):
    """The houses and rooms in public: each house and room at its own address, the week
    and month of a room, the request form, the iCalendar feeds and the door sheet
    (views.py)."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("community rooms")

    def base_url(self, request=None):
        return in_reader_language(self.get_url(request))

    def base_url_in(self, language):
        return in_reader_language(self.url, language)

    def room_url(self, room, name="room", language=None, request=None):
        base = self.base_url_in(language) if language else self.base_url(request)
        return base + self.reverse_subpage(name, args=[room.house.slug, room.slug])

    @path("", name="houses")
    def houses_view(self, request):
        from .. import views

        return views.houses(request, self)

    @path("termine/<str:key>/", name="feed")
    def feed_view(self, request, key):
        from .. import views

        return views.holder_feed(request, self, key)

    @path("<slug:house>/", name="house")
    def house_view(self, request, house):
        from .. import views

        return views.house(request, self, house)

    @path("<slug:house>/<slug:room>/", name="room")
    def room_view(self, request, house, room):
        from .. import views

        return views.room_week(request, self, house, room)

    @path("<slug:house>/<slug:room>/monat/", name="month")
    def month_view(self, request, house, room):
        from .. import views

        return views.room_month(request, self, house, room)

    @path("<slug:house>/<slug:room>/kalender/", name="ical")
    def ical_view(self, request, house, room):
        from .. import views

        return views.room_feed(request, self, house, room)

    @path("<slug:house>/<slug:room>/aushang/", name="sheet")
    def sheet_view(self, request, house, room):
        from .. import views

        return views.door_sheet(request, self, house, room)

    @path("<slug:house>/<slug:room>/anfragen/", name="request")
    def request_view(self, request, house, room):
        from .. import views

        return views.request_room(request, self, house, room)

    @path("<slug:house>/<slug:room>/anfragen/danke/", name="thanks")
    def thanks_view(self, request, house, room):
        from .. import views

        return views.thanks(request, self, house, room)
