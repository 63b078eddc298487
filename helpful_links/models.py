from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from core.words import StemmedSearch

# Two failed checks in a row before a link counts as broken: one timeout is often the
# other server's bad minute, not a dead link.
BROKEN_AFTER_FAILURES = 2
# Answers that say "no robots", not "gone": the link is reported as unverified, not broken.
BLOCKED_STATUS_CODES = {401, 403, 429}


class LinkCategory(TranslatableMixin, models.Model):
    """A heading that groups helpful links, e.g. "Emergency" or "Waste and recycling"."""

    name = models.CharField(_("name"), max_length=80)
    sort_order = models.IntegerField(_("order"), default=0, editable=False)

    panels = [FieldPanel("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("link category")
        verbose_name_plural = _("link categories")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class HelpfulLinksPage(StemmedSearch, Page):
    """ "Hilfreiches auf einen Blick": a curated collection of local links and numbers.

    Links are inline rows rather than StreamField blocks so that review dates and link
    checks can be queried across all pages for the editors' dashboard.
    """

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.RelatedFields("links", [index.SearchField("title"), index.SearchField("description")]),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("links", heading=_("Links"), label=_("Link")),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("helpful links page")
        verbose_name_plural = _("helpful links pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["link_groups"] = group_by_category(visible_links(self.links.select_related("category")))
        return context


class HelpfulLink(Orderable):
    """One link or phone number on a helpful links page, in the order the editor sets."""

    page = ParentalKey(HelpfulLinksPage, on_delete=models.CASCADE, related_name="links")
    category = models.ForeignKey(
        LinkCategory,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=120)
    url = models.URLField(_("web address"), max_length=2000, blank=True)
    phone = models.CharField(
        _("phone number"), max_length=40, blank=True, help_text=_("For numbers such as emergency lines")
    )
    description = models.CharField(_("description"), max_length=200, blank=True, help_text=_("One line"))
    opening_hours = models.CharField(_("opening hours"), max_length=120, blank=True)
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("After this day the link is no longer shown.")
    )
    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_("When someone should check that the entry is still right."),
    )
    show_at_a_glance = models.BooleanField(
        _("show on the home page"), default=False, help_text=_("In the compact block “At a glance”.")
    )

    panels = [
        FieldPanel("category"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("url"), FieldPanel("phone")]),
        FieldPanel("description"),
        FieldPanel("opening_hours"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("valid_until"), FieldPanel("review_by")]), FieldPanel("show_at_a_glance")],
            heading=_("Freshness"),
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("helpful link")
        verbose_name_plural = _("helpful links")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if not self.url and not self.phone:
            raise ValidationError({"url": _("Enter a web address or a phone number.")})

    @property
    def is_expired(self):
        return self.valid_until is not None and self.valid_until < timezone.localdate()


class LinkCheck(models.Model):
    """The last check of one external address, kept apart from the pages so that
    checking never changes published content."""

    url = models.URLField(_("web address"), max_length=2000, unique=True)
    checked_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    final_url = models.URLField(_("final address"), max_length=2000, blank=True)
    error = models.CharField(_("error"), max_length=200, blank=True)
    consecutive_failures = models.PositiveIntegerField(_("failed checks in a row"), default=0)

    class Meta:
        verbose_name = _("link check")
        verbose_name_plural = _("link checks")

    def __str__(self):
        return self.url

    @property
    def is_blocked(self):
        return self.status_code in BLOCKED_STATUS_CODES

    @property
    def is_broken(self):
        return self.consecutive_failures >= BROKEN_AFTER_FAILURES and not self.is_blocked

    @property
    def is_redirected(self):
        return bool(self.final_url) and self.final_url != self.url


def attach_link_checks(links):
    """Set `link.check` on each link with one query for all of them."""
    links = list(links)
    checks = {check.url: check for check in LinkCheck.objects.filter(url__in={link.url for link in links if link.url})}
    for link in links:
        link.check = checks.get(link.url)
    return links


def visible_links(links):
    """What residents see: not expired, and no link that is known to be dead. A phone
    number keeps its entry even when the web address is broken."""
    shown = []
    for link in attach_link_checks(links):
        if link.is_expired:
            continue
        link.url_is_broken = link.check is not None and link.check.is_broken
        if link.url_is_broken and not link.phone:
            continue
        shown.append(link)
    return shown


def group_by_category(links):
    """[(category or None, [links])], categories in their editor-set order, links in
    the page's order; links without a category come last."""
    groups = {}
    for link in links:
        groups.setdefault(link.category, []).append(link)
    return sorted(
        groups.items(),
        key=lambda item: (item[0] is None, item[0].sort_order if item[0] else 0, item[0].name if item[0] else ""),
    )
