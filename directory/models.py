"""The directory: who in the neighbourhood helps with what, and the residents' enquiries.

Category, Provider and Offer are snippets rather than pages: editors maintain hundreds of
them from listings with filters, and they appear on several pages (lists, detail pages,
the open export). The DirectoryPage shows them; Enquiry stores a resident's request
until it is delivered.
"""

import re
from decimal import Decimal

from django import forms
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

DESCRIPTION_FEATURES = ["bold", "italic", "link", "ol", "ul"]
# The language prefix of a page address, e.g. "/de/" in "/de/hilfe/" or "https://x.org/de/hilfe/".
_LANGUAGE_CODES = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
LANGUAGE_PREFIX = re.compile(rf"^((?:https?://[^/]+)?)/(?:{_LANGUAGE_CODES})/")


def validate_unique_slug_per_locale(instance):
    """Slugs are unique per language, not globally: a translation may keep the German
    slug (wagtail/wagtail-localize#484 is why there is no unique=True)."""
    clash = (
        type(instance)
        ._default_manager.filter(slug=instance.slug, locale_id=instance.locale_id)
        .exclude(pk=instance.pk)
        .exists()
    )
    if clash:
        raise ValidationError({"slug": _("This slug is already used in this language. Choose another one.")})


class Category(TranslatableMixin, index.Indexed, models.Model):
    """What an offer or provider is about (mobility, shopping help, care, ...): the
    first filter residents use, in the order editors give it."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, help_text=_("Part of the filter address, e.g. mobility"))
    short_label = models.CharField(
        _("short label"),
        max_length=20,
        blank=True,
        help_text=_("A short word shown as a badge on offers, e.g. 'Mobil'. Empty: the name is used."),
    )
    description = models.TextField(_("description"), blank=True, max_length=400)
    sort_order = models.IntegerField(_("position"), default=0)

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("slug"),
        TranslatableField("short_label"),
        TranslatableField("description"),
        SynchronizedField("sort_order"),
    ]

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("short_label"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        # Restated here: TranslatableMixin.Meta does not carry an ordering.
        ordering = ["sort_order", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        validate_unique_slug_per_locale(self)

    @property
    def badge(self):
        return self.short_label or self.name


class ProviderKind(models.TextChoices):
    BUSINESS = "business", _("Business")
    VOLUNTEER = "volunteer", _("Volunteer service")
    CLUB = "club", _("Club or initiative")
    INSTITUTION = "institution", _("Public or social institution")


class Area(models.TextChoices):
    """The two areas residents see apart: business offers and everything non-commercial."""

    COMMUNITY = "community", _("Neighbourhood help and volunteering")
    BUSINESS = "business", _("Local businesses")


AREA_KINDS = {
    Area.COMMUNITY: [ProviderKind.VOLUNTEER, ProviderKind.CLUB, ProviderKind.INSTITUTION],
    Area.BUSINESS: [ProviderKind.BUSINESS],
}


class ConsentMethod(models.TextChoices):
    WRITTEN = "written", _("Signed form")
    EMAIL = "email", _("By e-mail")
    IN_PERSON = "in_person", _("In person, noted by an editor")
    PHONE = "phone", _("By phone, noted by an editor")
    ONLINE = "online", _("Online by the provider")


class ProviderTag(TaggedItemBase):
    content_object = ParentalKey("directory.Provider", on_delete=models.CASCADE, related_name="tagged_items")


class OfferTag(TaggedItemBase):
    content_object = ParentalKey("directory.Offer", on_delete=models.CASCADE, related_name="tagged_items")


class ProviderQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def public(self):
        """Live and with listing consent on record: the only providers residents see."""
        return self.filter(live=True, consent_given_at__isnull=False)


class Provider(
    TranslatableMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """A business, volunteer service, club or institution that offers help in the
    neighbourhood. Listed only with its consent on record; drafts and moderation let
    volunteers prepare entries that an editor approves."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, help_text=_("The last part of the provider's web address"))
    kind = models.CharField(_("kind"), max_length=20, choices=ProviderKind.choices, default=ProviderKind.VOLUNTEER)
    summary = models.CharField(_("summary"), max_length=300, help_text=_("One or two sentences for lists"))
    description = RichTextField(_("description"), blank=True, features=DESCRIPTION_FEATURES)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo or photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    categories = ParentalManyToManyField(Category, verbose_name=_("categories"), blank=True, related_name="providers")
    tags = ClusterTaggableManager(through=ProviderTag, blank=True, verbose_name=_("tags"))

    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(
        _("e-mail"),
        blank=True,
        help_text=_("Enquiries go here. Empty: they go to the contact person on site, who calls the provider."),
    )
    website = models.URLField(_("website"), blank=True)
    street = models.CharField(_("street and number"), max_length=150, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("town"), max_length=80, blank=True)
    opening_hours = models.TextField(
        _("opening hours"), blank=True, max_length=1000, help_text=_("One line per day or time slot")
    )
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        max_length=1000,
        help_text=_("Step-free access, accessible toilet, hearing loop, sign language, ..."),
    )
    languages = models.CharField(
        _("languages spoken"), max_length=200, blank=True, help_text=_("For example: Deutsch, Türkisch, Englisch")
    )

    consent_given_at = models.DateField(
        _("consent given on"),
        null=True,
        blank=True,
        help_text=_("Without a recorded consent the provider is never shown, even when published."),
    )
    consent_method = models.CharField(_("consent given"), max_length=20, choices=ConsentMethod.choices, blank=True)
    consent_recorded_by = models.CharField(_("consent recorded by"), max_length=120, blank=True)
    consent_note = models.TextField(_("note on the consent"), blank=True, max_length=500)
    review_due = models.DateField(
        _("review due"), null=True, blank=True, help_text=_("When an editor should check this entry with the provider")
    )
    accounts = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("provider accounts"),
        blank=True,
        related_name="providers",
        help_text=_("Logins of the provider that may edit this entry and its offers (through approval)"),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # Deleting a provider takes its revisions and workflow states along (Wagtail docs).
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="directory_provider")
    _workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="directory_provider",
        for_concrete_model=False,
    )

    objects = ProviderQuerySet.as_manager()

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("city"),
        index.SearchField("languages"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("categories", [index.SearchField("name")]),
        index.FilterField("locale"),
        index.FilterField("live"),
        index.FilterField("kind"),
    ]
    # Contact, address and consent are facts, the same in every language: synchronised.
    # Tags are shared across languages (django-taggit has no per-language tags).
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("slug"),
        TranslatableField("summary"),
        TranslatableField("description"),
        TranslatableField("opening_hours"),
        TranslatableField("accessibility"),
        TranslatableField("languages"),
        SynchronizedField("kind"),
        SynchronizedField("logo"),
        SynchronizedField("categories"),
        SynchronizedField("tags"),
        SynchronizedField("contact_name"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("website"),
        SynchronizedField("street"),
        SynchronizedField("postcode"),
        SynchronizedField("city"),
        SynchronizedField("consent_given_at", overridable=False),
        SynchronizedField("consent_method", overridable=False),
        SynchronizedField("consent_recorded_by", overridable=False),
        SynchronizedField("consent_note", overridable=False),
        SynchronizedField("review_due"),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("name"),
                    FieldPanel("slug"),
                    FieldPanel("kind"),
                    FieldPanel("summary"),
                    FieldPanel("description"),
                    FieldPanel("logo"),
                    FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("tags"),
                ],
                heading=_("Provider"),
            ),
            ObjectList(
                [
                    FieldPanel("contact_name"),
                    FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                    FieldPanel("website"),
                    MultiFieldPanel(
                        [FieldPanel("street"), FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")])],
                        heading=_("Address"),
                    ),
                    FieldPanel("opening_hours"),
                    FieldPanel("accessibility"),
                    FieldPanel("languages"),
                ],
                heading=_("Contact and place"),
            ),
            ObjectList(
                [
                    FieldPanel("consent_given_at"),
                    FieldPanel("consent_method"),
                    FieldPanel("consent_recorded_by"),
                    FieldPanel("consent_note"),
                    FieldPanel("review_due"),
                    # Only editors (who may publish) hand out access to an entry.
                    FieldPanel("accounts", permission="directory.publish_provider"),
                ],
                heading=_("Consent and review"),
            ),
        ]
    )

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("provider")
        verbose_name_plural = _("providers")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        validate_unique_slug_per_locale(self)
        if self.consent_given_at and not (self.consent_method and self.consent_recorded_by.strip()):
            raise ValidationError(
                {"consent_method": _("Record how the consent was given and who recorded it, or leave the date empty.")}
            )
        if self.consent_given_at and self.consent_given_at > timezone.localdate():
            raise ValidationError({"consent_given_at": _("The consent cannot be given in the future.")})

    @property
    def has_consent(self):
        return self.consent_given_at is not None

    @property
    def is_public(self):
        return self.live and self.has_consent

    @property
    def area(self):
        return Area.BUSINESS if self.kind == ProviderKind.BUSINESS else Area.COMMUNITY

    @property
    def review_overdue(self):
        return self.review_due is not None and self.review_due < timezone.localdate()

    @property
    def phone_href(self):
        digits = re.sub(r"[^\d+]", "", self.phone)
        return f"tel:{digits}" if digits else ""

    @property
    def address_lines(self):
        locality = " ".join(part for part in (self.postcode, self.city) if part)
        return [line for line in (self.street, locality) if line]

    @property
    def opening_hours_lines(self):
        return [line.strip() for line in self.opening_hours.splitlines() if line.strip()]

    def get_preview_template(self, request, mode_name):
        return "directory/provider_detail.html"

    def get_preview_context(self, request, mode_name):
        from .views import preview_context

        return preview_context(request, provider=self)


class PriceModel(models.TextChoices):
    FREE = "free", _("Free of charge")
    HOURLY = "hourly", _("Per hour")
    FLAT = "flat", _("Flat price")
    DONATION = "donation", _("For a donation")
    ON_REQUEST = "on_request", _("Price on request")


class TargetGroup(models.TextChoices):
    """Who an offer is for. Fixed in code so that the labels are translated with the
    interface; one boolean column each keeps the filter a plain indexed lookup."""

    SENIORS = "seniors", _("Older people")
    FAMILIES = "families", _("Families")
    CHILDREN = "children", _("Children and young people")
    DISABILITIES = "disabilities", _("People with disabilities")
    NEWCOMERS = "newcomers", _("Newcomers")
    EVERYONE = "everyone", _("Everyone")


TARGET_GROUP_FIELDS = {group.value: f"for_{group.value}" for group in TargetGroup}


class OfferQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def public(self, today=None):
        """Published offers of public providers within their active period."""
        today = today or timezone.localdate()
        return self.filter(
            Q(active_from__isnull=True) | Q(active_from__lte=today),
            Q(active_until__isnull=True) | Q(active_until__gte=today),
            live=True,
            provider__live=True,
            provider__consent_given_at__isnull=False,
        )


class OfferAdminForm(WagtailAdminModelForm):
    """A provider account may attach an offer to its own entries only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .permissions import is_provider_account, owned_provider_ids

        if "provider" in self.fields and self.for_user is not None and is_provider_account(self.for_user):
            field = self.fields["provider"]
            field.queryset = field.queryset.filter(pk__in=owned_provider_ids(self.for_user))


class Offer(
    TranslatableMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """One thing a provider offers (a driving service, foot care, homework help, ...),
    with its price and the people it is for. Residents can send an enquiry for it."""

    provider = models.ForeignKey(Provider, verbose_name=_("provider"), on_delete=models.CASCADE, related_name="offers")
    title = models.CharField(_("title"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, help_text=_("The last part of the offer's web address"))
    summary = models.CharField(_("summary"), max_length=300, help_text=_("One or two sentences for lists"))
    description = RichTextField(_("description"), blank=True, features=DESCRIPTION_FEATURES)
    category = models.ForeignKey(
        Category, verbose_name=_("category"), null=True, blank=True, on_delete=models.SET_NULL, related_name="offers"
    )
    tags = ClusterTaggableManager(through=OfferTag, blank=True, verbose_name=_("tags"))

    price_model = models.CharField(_("price model"), max_length=20, choices=PriceModel.choices, default=PriceModel.FREE)
    price_amount = models.DecimalField(
        _("amount in euro"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("For hourly and flat prices"),
    )
    price_note = models.CharField(
        _("note on the price"), max_length=200, blank=True, help_text=_("For example: plus travel costs")
    )

    for_seniors = models.BooleanField(TargetGroup.SENIORS.label, default=False)
    for_families = models.BooleanField(TargetGroup.FAMILIES.label, default=False)
    for_children = models.BooleanField(TargetGroup.CHILDREN.label, default=False)
    for_disabilities = models.BooleanField(TargetGroup.DISABILITIES.label, default=False)
    for_newcomers = models.BooleanField(TargetGroup.NEWCOMERS.label, default=False)
    for_everyone = models.BooleanField(TargetGroup.EVERYONE.label, default=False)

    area_served = models.CharField(
        _("area served"), max_length=200, blank=True, help_text=_("For example: Lindenkiez and surroundings")
    )
    active_from = models.DateField(_("offered from"), null=True, blank=True)
    active_until = models.DateField(
        _("offered until"), null=True, blank=True, help_text=_("After this day the offer leaves the directory")
    )
    accepts_enquiries = models.BooleanField(
        _("accepts enquiries"), default=True, help_text=_("Show the enquiry form on the offer's page")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="directory_offer")
    _workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="directory_offer",
        for_concrete_model=False,
    )

    objects = OfferQuerySet.as_manager()
    base_form_class = OfferAdminForm

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("area_served"),
        index.SearchField("price_note"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("category", [index.SearchField("name")]),
        index.RelatedFields("provider", [index.SearchField("name")]),
        # The admin listing of a provider account searches within its own offers.
        index.FilterField("provider"),
        index.FilterField("locale"),
        index.FilterField("live"),
    ]
    # The provider and category are references: a translation points to their
    # translations (wagtail-localize translates the reference).
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("summary"),
        TranslatableField("description"),
        TranslatableField("price_note"),
        TranslatableField("area_served"),
        TranslatableField("provider"),
        TranslatableField("category"),
        SynchronizedField("tags"),
        SynchronizedField("price_model"),
        SynchronizedField("price_amount"),
        *(SynchronizedField(name) for name in TARGET_GROUP_FIELDS.values()),
        SynchronizedField("active_from"),
        SynchronizedField("active_until"),
        SynchronizedField("accepts_enquiries"),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("provider"),
                    FieldPanel("title"),
                    FieldPanel("slug"),
                    FieldPanel("summary"),
                    FieldPanel("description"),
                    FieldPanel("category"),
                    FieldPanel("tags"),
                ],
                heading=_("Offer"),
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [FieldPanel("price_model"), FieldPanel("price_amount"), FieldPanel("price_note")],
                        heading=_("Price"),
                    ),
                    MultiFieldPanel(
                        [FieldPanel(name) for name in TARGET_GROUP_FIELDS.values()], heading=_("Target groups")
                    ),
                    FieldPanel("area_served"),
                    FieldRowPanel([FieldPanel("active_from"), FieldPanel("active_until")]),
                    FieldPanel("accepts_enquiries"),
                ],
                heading=_("Price, people and time"),
            ),
        ]
    )

    class Meta(TranslatableMixin.Meta):
        ordering = ["title"]
        # The directory shows the first six of thousands by title: with the index
        # PostgreSQL reads six rows instead of sorting all (12 ms of 10,000 offers).
        indexes = [models.Index(fields=["title"], name="directory_offer_title_idx")]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        validate_unique_slug_per_locale(self)
        errors = {}
        if self.price_model in (PriceModel.HOURLY, PriceModel.FLAT) and self.price_amount is None:
            errors["price_amount"] = _("Enter the amount for an hourly or flat price.")
        if self.active_from and self.active_until and self.active_until < self.active_from:
            errors["active_until"] = _("The end lies before the start.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_free(self):
        return self.price_model == PriceModel.FREE

    @property
    def target_groups(self):
        return [group for group in TargetGroup if getattr(self, TARGET_GROUP_FIELDS[group.value])]

    @property
    def price_label(self):
        """The price as residents read it: "kostenlos", "25,00 € pro Stunde", ..."""
        amount = f"{number_format(self.price_amount, 2)} €" if self.price_amount is not None else ""
        if self.price_model == PriceModel.HOURLY and amount:
            label = _("%(amount)s per hour") % {"amount": amount}
        elif self.price_model == PriceModel.FLAT and amount:
            label = amount
        elif self.price_model == PriceModel.DONATION and amount:
            label = _("For a donation (suggested: %(amount)s)") % {"amount": amount}
        else:
            label = str(PriceModel(self.price_model).label)
        return label

    def get_preview_template(self, request, mode_name):
        return "directory/offer_detail.html"

    def get_preview_context(self, request, mode_name):
        from .views import preview_context

        return preview_context(request, offer=self)


class DirectoryPage(RoutablePageMixin, Page):
    """The directory residents browse: offers and providers, the two areas apart,
    filters and search, a page for every provider and offer, and the enquiry form.
    Routable, so that the snippets get readable addresses below this page."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    community_intro = models.TextField(_("introduction of the neighbourhood help area"), blank=True, max_length=400)
    business_intro = models.TextField(_("introduction of the business area"), blank=True, max_length=400)

    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("community_intro"),
        FieldPanel("business_intro"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("directory page")
        verbose_name_plural = _("directory pages")

    # The views live in views.py; these routes only name the addresses. The path
    # segments are German because the site is: they are part of readable addresses.
    @path("", name="all")
    def all_offers(self, request):
        from . import views

        return views.offer_list(request, self, area=None)

    @path("nachbarschaftshilfe/", name="community")
    def community_offers(self, request):
        from . import views

        return views.offer_list(request, self, area=Area.COMMUNITY)

    @path("gewerbe/", name="business")
    def business_offers(self, request):
        from . import views

        return views.offer_list(request, self, area=Area.BUSINESS)

    @path("wegweiser/", name="printable")
    def printable_overview(self, request):
        from . import views

        return views.printable_overview(request, self)

    @path("wegweiser/pdf/", name="printable_pdf")
    def printable_overview_pdf(self, request):
        from . import views

        return views.printable_overview_pdf(request, self)

    @path("anbieter/<slug:slug>/", name="provider")
    def provider_detail(self, request, slug):
        from . import views

        return views.provider_detail(request, self, slug)

    @path("angebot/<slug:slug>/", name="offer")
    def offer_detail(self, request, slug):
        from . import views

        return views.offer_detail(request, self, slug)

    @path("angebot/<slug:slug>/danke/", name="enquiry_thanks")
    def enquiry_thanks(self, request, slug):
        from . import views

        return views.enquiry_thanks(request, self, slug)

    @path("offene-daten/hsds/organizations/", name="hsds_organizations")
    def hsds_organizations(self, request):
        from . import export

        return export.organizations_view(request, self)

    @path("offene-daten/hsds/services/", name="hsds_services")
    def hsds_services(self, request):
        from . import export

        return export.services_view(request, self)

    def base_url(self, request):
        """This page's address in the reader's language. An untranslated directory is
        served under every language prefix; its links keep the reader's prefix."""
        cached = getattr(request, "_directory_base_url", None)
        if cached is None:
            cached = LANGUAGE_PREFIX.sub(rf"\1/{get_language()}/", self.get_url(request), count=1)
            request._directory_base_url = cached
        return cached

    def subpage_url(self, name, *args, request=None):
        """The address of one of the routes above, e.g. ("offer", slug)."""
        return self.base_url(request) + self.reverse_subpage(name, args=args)


class EnquiryState(models.TextChoices):
    PENDING = "pending", _("Waiting for delivery")
    SENDING = "sending", _("Being sent")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed, needs an editor")


class Enquiry(models.Model):
    """A resident's request for an offer. Stored before anything is sent, so that a
    mail server that is down delays it instead of losing it; delivered by the
    `deliver_enquiries` command, deleted after the retention period."""

    offer = models.ForeignKey(
        Offer, verbose_name=_("offer"), null=True, blank=True, on_delete=models.SET_NULL, related_name="enquiries"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Copies, so that an editor still sees what was asked for after the offer is gone.
    offer_title = models.CharField(_("offer"), max_length=150)
    provider_name = models.CharField(_("provider"), max_length=150)
    language = models.CharField(_("language"), max_length=10, default="de")

    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    message = models.TextField(_("message"), max_length=3000)
    preferred_time = models.CharField(_("preferred time"), max_length=200, blank=True)
    consent = models.BooleanField(_("consent to processing"), default=False)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)

    state = models.CharField(
        _("delivery state"), max_length=20, choices=EnquiryState.choices, default=EnquiryState.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("delivery attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now, db_index=True)
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    claim_token = models.UUIDField(null=True, blank=True, editable=False)
    last_error = models.TextField(_("last error"), blank=True)
    recipient = models.EmailField(_("sent to"), blank=True)
    routed_to_contact_person = models.BooleanField(_("routed to the contact person"), default=False)
    provider_notified_at = models.DateTimeField(_("provider notified"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")

    def __str__(self):
        return f"{self.name}: {self.offer_title}"

    @property
    def contact_summary(self):
        return " / ".join(part for part in (self.email, self.phone) if part)
