"""The Quartiersbrief: residents subscribe (a kind of contribution, so the double
opt-in, the private page, export and deletion are the life cycle's), editors write
issues (pages under the archive), and the worker sends issues and automatic digests
(sending.py) through the outbox, one mail per address and issue."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from core.locales import in_reader_language
from core.words import StemmedSearch
from participation.models import Contribution


class Topic(models.TextChoices):
    NEWS = "news", _("News from the neighbourhood")
    EVENTS = "events", _("New dates in the calendar")
    OFFERS = "offers", _("New offers and volunteer roles")
    SWAP = "swap", _("New posts on the swap board")


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Every week (on Mondays): what is new in my topics")
    MONTHLY = "monthly", _("Every month (on the 1st): what is new in my topics")
    QUARTERLY = "quarterly", _("Only the Quartiersbrief of the editors, about four times a year")


class Subscription(Contribution):
    """What a resident asked for. Every confirmed subscription gets the editors'
    issues; weekly and monthly ones also a digest of their topics."""

    topics = models.JSONField(_("topics"), default=list, blank=True)
    # "offers:<translation key>" or "swap:<translation key>": only these categories of
    # the two topics that have them; none means all.
    categories = models.JSONField(_("categories"), default=list, blank=True)
    frequency = models.CharField(_("how often"), max_length=20, choices=Frequency.choices, default=Frequency.MONTHLY)
    # The end of what the last digest covered; the next one tells what is newer.
    last_digest_at = models.DateTimeField(_("last digest"), null=True, blank=True)
    # Set when the mail server refused the address for good: nothing more is sent
    # until the resident changes their settings or an editor lifts it.
    paused_at = models.DateTimeField(_("paused"), null=True, blank=True)
    pause_reason = models.CharField(_("why paused"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("Quartiersbrief subscription")
        verbose_name_plural = _("Quartiersbrief subscriptions")
        permissions = [("see_subscribers", _("Can see the Quartiersbrief's subscribers"))]

    def save(self, *args, **kwargs):
        self.kind = "letter"
        super().save(*args, **kwargs)

    def topic_labels(self):
        return [Topic(topic).label for topic in self.topics if topic in Topic.values]

    def category_labels(self):
        from .forms import category_choices

        labels = dict(category_choices())
        return [labels.get(entry, entry) for entry in self.categories]

    @property
    def gets_digests(self):
        return self.frequency in (Frequency.WEEKLY, Frequency.MONTHLY)


class LetterItemBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(
        label=_("page"), page_type=["news.NewsPage", "news.EventPage", "clubs.ClubPage", "directory.DirectoryPage"]
    )
    note = blocks.TextBlock(
        label=_("note (optional)"), required=False, max_length=400, help_text=_("Instead of the page's own teaser.")
    )

    class Meta:
        icon = "doc-full"
        label = _("item")


def items_field(verbose_name, **kwargs):
    return StreamField([("item", LetterItemBlock())], verbose_name=verbose_name, blank=True, **kwargs)


def new_since_last_issue():
    """The automatic section of a new issue: what was published since the last issue
    was sent, for the editor to shorten and reorder."""
    from .content import since_last_issue

    return [("item", {"page": page, "note": ""}) for page in since_last_issue()]


class LetterIndexPage(StemmedSearch, RoutablePageMixin, Page):
    """The Quartiersbrief's page: what it is, the form to subscribe, and the archive of
    sent issues."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    consent_text = models.TextField(
        _("what subscribers agree to"),
        help_text=_(
            "Shown beside the checkbox of the form and stored with every subscription as proof. "
            "A change applies to new subscriptions only."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("consent_text")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["letters.LetterIssuePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Quartiersbrief")

    def base_url_in(self, language):
        return in_reader_language(self.url, language)

    @path("", name="archive")
    def archive_view(self, request):
        from . import views

        return views.archive(request, self)

    @path("abonnieren/", name="subscribe")
    def subscribe_view(self, request):
        from . import views

        return views.subscribe(request, self)

    @path("abonnieren/danke/", name="thanks")
    def thanks_view(self, request):
        from . import views

        return views.thanks(request, self)

    @path("einstellungen/<int:pk>/", name="preferences")
    def preferences_view(self, request, pk):
        from . import views

        return views.preferences(request, self, pk)


class LetterIssuePage(StemmedSearch, RoutablePageMixin, Page):
    """One issue: written and previewed like any page, then sent from the admin
    (admin_views.py); once sent it is the web version the mail links to."""

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link", "ul"])
    highlights = items_field(_("chosen by the editors"))
    whats_new = items_field(
        _("new since the last issue"),
        default=new_since_last_issue,
        help_text=_("Filled with what was published since the last issue. Remove or reorder what you like."),
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    recipients = models.PositiveIntegerField(_("recipients"), default=0, editable=False)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("highlights"), FieldPanel("whats_new")]
    parent_page_types = ["letters.LetterIndexPage"]
    subpage_types = []

    preview_modes = [("", _("Web page")), ("mail", _("E-mail"))]

    class Meta:
        verbose_name = _("Quartiersbrief issue")
        verbose_name_plural = _("Quartiersbrief issues")

    def serve_preview(self, request, mode_name):
        if mode_name == "mail":
            from django.http import HttpResponse

            from .sending import render_issue

            # In the issue's own language, as its editor is writing it.
            return HttpResponse(render_issue(self, self.locale.language_code, "#").html)
        return super().serve_preview(request, mode_name)

    @path("", name="issue")
    def issue_view(self, request):
        from . import views

        return views.issue(request, self)

    @path("pdf/", name="pdf")
    def pdf_view(self, request):
        from . import views

        return views.issue_pdf(request, self)
