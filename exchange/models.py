"""The swap board's page, its categories and partners, and the posts.

A post is a contribution (participation/): its state, expiry, moderation and the
resident behind it live there; here are what is offered or looked for."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from core.locales import in_reader_language
from core.words import StemmedSearch
from participation.models import Contribution


class SwapCategory(StemmedSearch, TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("swap board category")
        verbose_name_plural = _("swap board categories")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_swap_category_slug")]

    def __str__(self):
        return self.name


class Direction(models.TextChoices):
    OFFER = "offer", _("Offered")
    REQUEST = "request", _("Wanted")


class Subject(models.TextChoices):
    THING = "thing", _("A thing")
    TIME = "time", _("Time or help")


class Mode(models.TextChoices):
    GIVE = "give", _("To give away")
    LEND = "lend", _("To lend")
    SWAP = "swap", _("To swap")


class SwapPost(Contribution):
    direction = models.CharField(_("offered or wanted"), max_length=10, choices=Direction.choices)
    subject = models.CharField(_("thing or time"), max_length=10, choices=Subject.choices)
    mode = models.CharField(_("give away, lend or swap"), max_length=10, choices=Mode.choices)
    description = models.TextField(_("description"), max_length=2000)
    category = models.ForeignKey(
        SwapCategory, verbose_name=_("category"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A coarse area the resident picks from the board's list, never an address.
    area = models.CharField(_("area"), max_length=80)
    handover = models.CharField(_("how to hand over"), max_length=200, blank=True)
    photo = models.ImageField(_("photo"), upload_to="exchange/", blank=True)
    photo_alt = models.CharField(_("what the photo shows"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("swap board post")
        verbose_name_plural = _("swap board posts")
        permissions = [("moderate_swappost", _("Can moderate the swap board"))]

    def save(self, *args, **kwargs):
        self.kind = "swap"
        super().save(*args, **kwargs)

    @property
    def is_new(self):
        return bool(self.published_at and self.published_at > timezone.now() - timezone.timedelta(days=7))


class SwapBoardPage(StemmedSearch, RoutablePageMixin, Page):
    """The board: the list with its filters, each post at its own address, the form for
    a new post, the feed and the sheet for notice boards (views.py)."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    rules = RichTextField(
        _("what may be posted"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Shown above the form for a new post; residents confirm it."),
    )
    areas = models.TextField(
        _("areas"),
        help_text=_("The parts of the neighbourhood residents pick from, one per line. Never a street address."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("rules"),
        FieldPanel("areas"),
        InlinePanel("partners", heading=_("Partners of the board"), label=_("partner")),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("swap board")

    # Sub-pages listed in sitemap.xml beside the page itself (core/sitemaps.py).
    sitemap_routes = ["sheet"]

    def area_list(self):
        return [line.strip() for line in self.areas.splitlines() if line.strip()]

    def base_url(self, request=None):
        """This page's address in the reader's language (see DirectoryPage.base_url)."""
        cached = getattr(request, "_swap_board_url", None)
        if cached is None:
            cached = in_reader_language(self.get_url(request))
            if request is not None:
                request._swap_board_url = cached
        return cached

    def base_url_in(self, language):
        """The address under a given language, for mails and the resident's page."""
        return in_reader_language(self.url, language)

    def subpage_url(self, name, *args, request=None):
        return self.base_url(request) + self.reverse_subpage(name, args=args)

    # The views live in views.py; these routes name the addresses, in German like the site.
    @path("", name="board")
    def board_view(self, request):
        from . import views

        return views.board(request, self)

    @path("<int:pk>/", name="post")
    def post_view(self, request, pk):
        from . import views

        return views.post_detail(request, self, pk)

    @path("<int:pk>/gesendet/", name="sent")
    def sent_view(self, request, pk):
        from . import views

        return views.message_sent(request, self, pk)

    @path("<int:pk>/gemeldet/", name="reported")
    def reported_view(self, request, pk):
        from . import views

        return views.reported(request, self, pk)

    @path("<int:pk>/aendern/", name="edit")
    def edit_view(self, request, pk):
        from . import views

        return views.edit_post(request, self, pk, request.GET.get("von", ""))

    @path("neu/", name="new")
    def new_view(self, request):
        from . import views

        return views.new_post(request, self)

    @path("neu/danke/", name="thanks")
    def thanks_view(self, request):
        from . import views

        return views.thanks(request, self)

    @path("feed/", name="feed")
    def feed_view(self, request):
        from . import views

        return views.NewPostsFeed()(request, page=self)

    @path("aushang/", name="sheet")
    def sheet_view(self, request):
        from . import views

        return views.sheet(request, self)

    @path("aushang/pdf/", name="sheet_pdf")
    def sheet_pdf_view(self, request):
        from . import views

        return views.sheet_pdf(request, self)


class SwapPartner(Orderable):
    page = ParentalKey(SwapBoardPage, related_name="partners", on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=120)
    url = models.URLField(_("web address"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("url"), FieldPanel("logo")]

    def __str__(self):
        return self.name
