"""Clubs and initiatives: a profile page each, kept by the club itself.

Pages rather than snippets: a club's events live beneath its page, and Wagtail's page
permissions, moderation workflows and collections give each club an account that may
edit its own subtree only (see `clubs.onboarding`). Categories are the directory's.
"""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.images import DescribedImageMixin
from core.locales import reader_url
from core.words import StemmedSearch
from directory.models import DESCRIPTION_FEATURES, Category
from directory.models.categories import in_own_language
from participation.models import Contribution

CLUBS_PER_PAGE = 24


class ClubPageTag(TaggedItemBase):
    content_object = ParentalKey("clubs.ClubPage", on_delete=models.CASCADE, related_name="tagged_items")


class ClubIndexPage(StemmedSearch, RoutablePageMixin, Page):
    """Clubs and initiatives of the neighbourhood: a list residents filter by category
    and search, and "Ehrenamt finden", the open volunteer roles of every club."""

    # Sub-pages listed in sitemap.xml beside the page itself (core/sitemaps.py).
    sitemap_routes = ["volunteering"]

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    volunteering_intro = models.TextField(_("introduction of the volunteering page"), blank=True, max_length=600)

    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("volunteering_intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["clubs.ClubPage"]

    class Meta:
        verbose_name = _("club index page")
        verbose_name_plural = _("club index pages")

    def clubs(self, request=None):
        """The live club pages below this page, with what a list card needs."""
        return (
            ClubPage.objects.child_of(self)
            .live()
            .public()
            .select_related("image")
            .prefetch_related("categories")
            .order_by("title")
        )

    @path("", name="list")
    def club_list(self, request):
        from .views import club_list

        return club_list(request, self)

    @path("ehrenamt/", name="volunteering")
    def volunteering(self, request):
        from .views import volunteering

        return volunteering(request, self)

    # "Ich möchte mitmachen" (clubs/interests.py): for one role, or anywhere.
    @path("ehrenamt/<int:role_id>/mitmachen/", name="role_interest")
    def role_interest(self, request, role_id):
        from .interests import interest

        return interest(request, self, role_id)

    @path("ehrenamt/mitmachen/", name="general_interest")
    def general_interest(self, request):
        from .interests import interest

        return interest(request, self)

    @path("ehrenamt/danke/", name="interest_thanks")
    def interest_thanks(self, request):
        from .interests import thanks

        return thanks(request, self)


class ClubPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        in_own_language(self)


class ClubPage(StemmedSearch, DescribedImageMixin, Page):
    """One club or initiative: what residents can join, when and where it meets, whom
    to ask, and the volunteer roles it looks for. Edited by the club's own account."""

    summary = models.CharField(_("short description"), max_length=300, help_text=_("One or two sentences for lists"))
    description = RichTextField(_("about the club"), blank=True, features=DESCRIPTION_FEATURES)
    meeting_times = models.TextField(
        _("meeting times"), blank=True, max_length=1000, help_text=_("One line per regular meeting")
    )
    place_name = models.CharField(_("place"), max_length=150, blank=True)
    address = models.TextField(_("address"), blank=True, max_length=300)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    how_to_join = models.TextField(
        _("how to join"), blank=True, max_length=1000, help_text=_("Can residents just come along? Is there a fee?")
    )
    categories = ParentalManyToManyField(Category, verbose_name=_("categories"), blank=True, related_name="clubs")
    tags = ClusterTaggableManager(through=ClubPageTag, blank=True, verbose_name=_("tags"))
    review_by = models.DateField(
        _("review by"), null=True, blank=True, help_text=_("When the club should check that its page is still right")
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("meeting_times"),
        index.SearchField("place_name"),
        index.RelatedFields("activities", [index.SearchField("title"), index.SearchField("description")]),
        index.RelatedFields("volunteer_roles", [index.SearchField("title"), index.SearchField("description")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("categories", [index.SearchField("name")]),
    ]

    base_form_class = ClubPageForm
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        DescribedImageMixin.image_panel,
        FieldPanel("description"),
        InlinePanel("activities", label=_("activities"), heading=_("What residents can join")),
        MultiFieldPanel(
            [FieldPanel("meeting_times"), FieldPanel("place_name"), FieldPanel("address")],
            heading=_("Meetings"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("website"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("how_to_join"),
        InlinePanel("volunteer_roles", label=_("volunteer roles"), heading=_("Get involved")),
        InlinePanel("links", label=_("links"), heading=_("Links")),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
        FieldPanel("review_by"),
    ]

    parent_page_types = ["clubs.ClubIndexPage"]
    subpage_types = ["news.EventPage"]
    # The club's events live beneath its page, and the club is their organiser
    # (news.models.events reads this; news names no club page).
    organises_events = True

    class Meta:
        verbose_name = _("club page")
        verbose_name_plural = _("club pages")

    def clean(self):
        super().clean()
        if errors := self.image_errors():
            from django.core.exceptions import ValidationError

            raise ValidationError(errors)

    @property
    def meeting_lines(self):
        return [line.strip() for line in self.meeting_times.splitlines() if line.strip()]

    @property
    def address_lines(self):
        return [line.strip() for line in self.address.splitlines() if line.strip()]

    @property
    def review_overdue(self):
        return self.review_by is not None and self.review_by < timezone.localdate()

    def upcoming_events(self, limit=5, request=None):
        """The club's live events beneath this page with a date still ahead."""
        from news.models import EventPage

        events = EventPage.objects.child_of(self).live().public().prefetch_related("exceptions")
        upcoming = []
        for event in events:
            if dates := event.next_occurrences(limit=1):
                upcoming.append((dates[0], event))
        upcoming.sort(key=lambda pair: pair[0].start)
        return upcoming[:limit]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["activities"] = list(self.activities.all())
        context["roles"] = [role for role in self.volunteer_roles.all() if role.is_current]
        # A club page lives right below the club index, whose routes take the interest.
        index_url = reader_url(self, request).rstrip("/").rsplit("/", 1)[0] + "/"
        for role in context["roles"]:
            role.interest_url = index_url + ClubIndexPage().reverse_subpage("role_interest", args=[role.pk])
        context["links"] = list(self.links.all())
        context["club_categories"] = list(self.categories.all())
        context["tags"] = [item.tag for item in self.tagged_items.select_related("tag")]
        context["upcoming"] = self.upcoming_events(request=request)
        return context


class ClubActivity(Orderable):
    """Something residents can join: a training, a choir rehearsal, a repair evening."""

    page = ParentalKey(ClubPage, related_name="activities", on_delete=models.CASCADE)
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), blank=True, max_length=600)
    when = models.CharField(_("when"), max_length=150, blank=True, help_text=_("For example: Tuesdays 18–20 h"))

    panels = [FieldPanel("title"), FieldPanel("when"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self):
        return self.title


class VolunteerRole(Orderable):
    """A role the club looks for volunteers for ("Mitmachen"), listed on the club page
    and on "Ehrenamt finden" while it is open."""

    page = ParentalKey(ClubPage, related_name="volunteer_roles", on_delete=models.CASCADE)
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), max_length=600)
    time_needed = models.CharField(
        _("time needed"), max_length=150, blank=True, help_text=_("For example: two hours a month")
    )
    is_open = models.BooleanField(_("open"), default=True, help_text=_("Untick when the role is filled"))
    # When the role was first listed: the Quartiersbrief's digests tell of new ones.
    created_at = models.DateTimeField(_("listed"), default=timezone.now, editable=False)
    valid_until = models.DateField(
        _("valid until"),
        null=True,
        blank=True,
        help_text=_("After this day the role leaves the lists and you are reminded to renew or close it."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("time_needed"),
        FieldPanel("is_open"),
        FieldPanel("valid_until"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("volunteer role")
        verbose_name_plural = _("volunteer roles")

    def __str__(self):
        return self.title

    @property
    def is_current(self):
        return self.is_open and (self.valid_until is None or self.valid_until >= timezone.localdate())


class ClubLink(Orderable):
    page = ParentalKey(ClubPage, related_name="links", on_delete=models.CASCADE)
    title = models.CharField(_("title"), max_length=150)
    url = models.URLField(_("address"))

    panels = [FieldRowPanel([FieldPanel("title"), FieldPanel("url")])]

    class Meta(Orderable.Meta):
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self):
        return self.title


def open_roles(index_page, request=None):
    """Open volunteer roles of the live clubs below `index_page`, club and all, in
    two queries."""
    clubs = ClubPage.objects.child_of(index_page).live().public().only("id")
    return (
        VolunteerRole.objects.filter(current_roles(), page__in=clubs)
        .select_related("page")
        .order_by("page__title", "sort_order")
    )


def current_roles():
    """Open and not past their "valid until" day."""
    return models.Q(is_open=True) & (
        models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=timezone.localdate())
    )


class ClubMark(models.TextChoices):
    """What the club says about an interest, shown on the resident's page."""

    NONE = "", _("Not yet read by the club")
    READ = "read", _("Read by the club")
    ANSWERED = "answered", _("Answered by the club")
    FILLED = "filled", _("The role is filled")


class VolunteerInterest(Contribution):
    """ "Ich möchte mitmachen": a resident's interest in a club's volunteer role, or in
    helping at all ("I would like to help, but don't know where"), passed on to the
    club's contact or to the contact person on site once the address is confirmed."""

    role = models.ForeignKey(
        VolunteerRole, verbose_name=_("role"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    club = models.ForeignKey(
        ClubPage, verbose_name=_("club"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Copies, so that the resident still sees what they offered after a role is gone.
    club_name = models.CharField(_("club"), max_length=255, blank=True)
    name = models.CharField(_("name"), max_length=120)
    reach = models.CharField(_("how to reach me"), max_length=200)
    availability = models.CharField(_("when I have time"), max_length=200, blank=True)
    topics = models.CharField(_("topics"), max_length=500, blank=True)
    languages = models.CharField(_("languages"), max_length=200, blank=True)
    message = models.TextField(_("message"), max_length=2000, blank=True)
    club_mark = models.CharField(_("club's answer"), max_length=20, choices=ClubMark.choices, blank=True)
    club_marked_at = models.DateTimeField(_("marked by the club"), null=True, blank=True)
    club_reminded_at = models.DateTimeField(_("club reminded"), null=True, blank=True)

    class Meta:
        verbose_name = _("volunteering interest")
        verbose_name_plural = _("volunteering interests")

    def save(self, *args, **kwargs):
        self.kind = "volunteer"
        super().save(*args, **kwargs)
