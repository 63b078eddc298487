from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.images import DescribedImageMixin
from core.words import StemmedSearch

from .blocks import HomePageBlock, OfficeHoursBlock, PageBodyBlock, SocialLinkBlock


class EasyLanguageMixin(models.Model):
    """A page can point to its version in easy language (Leichte Sprache), shown with
    the easy-language sign at the top of the page."""

    easy_language_version = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("version in easy language"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A page with the same content in easy language (Leichte Sprache)."),
    )
    is_easy_language = models.BooleanField(
        _("this page is in easy language"),
        default=False,
        help_text=_("Marks the page for readers and shows the easy-language sign on it."),
    )

    # Easy language is German only: a translation links to the same German
    # easy-language page, instead of failing for want of a translation of it.
    override_translatable_fields = [SynchronizedField("easy_language_version")]

    easy_language_panels = [
        MultiFieldPanel(
            [FieldPanel("easy_language_version"), FieldPanel("is_easy_language")],
            heading=_("Easy language"),
        )
    ]

    class Meta:
        abstract = True


class FallbackRoutingMixin:
    """Serves the German original's subpages below a translated page.

    Wagtail routes /en/... from the English home page and finds only translated
    children there; without this, translating the home page would hide every page not
    yet translated. The German page is then shown with the untranslated-page note.
    """

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            if not path_components:
                raise
            # Translations share their page type: asking the type's own manager gives
            # the specific original in one query instead of two.
            original = (
                type(self)
                .objects.filter(translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE)
                .exclude(pk=self.pk)
                .first()
            )
            if original is None:
                raise
            return original.route(request, path_components)


class HomePage(StemmedSearch, FallbackRoutingMixin, EasyLanguageMixin, DescribedImageMixin, Page):  # noqa: DJ008 -- Page.__str__ applies
    """The start page of the neighbourhood: a welcome and sections that lead into the site.

    One per language: wagtail-localize creates the translations as siblings under the
    root, which is why there is no max_count here.
    """

    intro = models.TextField(_("welcome text"), blank=True, max_length=600)
    body = StreamField(HomePageBlock(), verbose_name=_("sections"), blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        DescribedImageMixin.image_panel,
        FieldPanel("body"),
        *EasyLanguageMixin.easy_language_panels,
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "news.NewsIndexPage",
        "news.EventIndexPage",
        "directory.DirectoryPage",
        "clubs.ClubIndexPage",
        "helpful_links.HelpfulLinksPage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def clean(self):
        super().clean()
        if errors := self.image_errors():
            raise ValidationError(errors)


class StandardPage(StemmedSearch, FallbackRoutingMixin, EasyLanguageMixin, Page):  # noqa: DJ008 -- Page.__str__ applies
    """Free content: about us, imprint, privacy and any other page editors need."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(PageBodyBlock(), verbose_name=_("content"), blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        *EasyLanguageMixin.easy_language_panels,
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "helpful_links.HelpfulLinksPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


@register_setting(icon="user")
class SiteSettings(BaseSiteSetting):
    """The person residents can call, shown on every page, and the site's legal pages.

    A site setting rather than a snippet: there is exactly one contact per site.
    Every page shows it, so each process keeps it until the next generation (saving
    it starts one) instead of reading it on every request.
    """

    contact_name = models.CharField(_("name"), max_length=120, blank=True)
    contact_role = models.CharField(
        _("role"), max_length=120, blank=True, help_text=_("For example: neighbourhood manager")
    )
    contact_photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("As residents should dial it, e.g. 030 1234567")
    )
    contact_email = models.EmailField(_("e-mail"), blank=True)
    contact_address = models.TextField(
        _("address"), blank=True, help_text=_("Street and number, postcode and town, one per line")
    )
    office_hours = StreamField([("slot", OfficeHoursBlock())], verbose_name=_("office hours"), blank=True)
    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("imprint page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    social_links = StreamField([("link", SocialLinkBlock())], verbose_name=_("links to other channels"), blank=True)

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("contact_name"),
                    FieldPanel("contact_role"),
                    FieldPanel("contact_photo"),
                    FieldPanel("contact_phone"),
                    FieldPanel("contact_email"),
                    FieldPanel("contact_address"),
                    FieldPanel("office_hours"),
                ],
                heading=_("Contact person"),
            ),
            ObjectList(
                [
                    FieldPanel("imprint_page"),
                    FieldPanel("privacy_page"),
                    FieldPanel("accessibility_page"),
                    FieldPanel("social_links"),
                ],
                heading=_("Footer"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def base_queryset(cls):
        return super().base_queryset().select_related("contact_photo")

    @property
    def address_lines(self):
        return [line.strip() for line in self.contact_address.splitlines() if line.strip()]
