"""Offers: what a provider offers, at what price and for whom."""

from decimal import Decimal

from django import forms
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .base import DESCRIPTION_FEATURES, ModeratedSnippet, fill_slug, validate_unique_slug_per_locale
from .categories import Category, in_own_language
from .providers import Provider


class OfferTag(TaggedItemBase):
    content_object = ParentalKey("directory.Offer", on_delete=models.CASCADE, related_name="tagged_items")


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
    """A provider account may attach an offer to its own entries only; the
    categories are those of the offer's language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from ..permissions import is_provider_account, owned_provider_ids

        in_own_language(self)
        if "provider" in self.fields and self.for_user is not None and is_provider_account(self.for_user):
            field = self.fields["provider"]
            field.queryset = field.queryset.filter(pk__in=owned_provider_ids(self.for_user))


class Offer(ModeratedSnippet):
    """One thing a provider offers (a driving service, foot care, homework help, ...),
    with its price and the people it is for. Residents can send an enquiry for it."""

    provider = models.ForeignKey(Provider, verbose_name=_("provider"), on_delete=models.CASCADE, related_name="offers")
    title = models.CharField(_("title"), max_length=150)
    slug = models.SlugField(
        _("slug"),
        max_length=150,
        blank=True,
        help_text=_("The last part of the offer's web address; made from the title when left empty"),
    )
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
                    # A list of the offer language's dozen categories, one click, instead
                    # of a chooser window over every language's.
                    FieldPanel("category", widget=forms.Select),
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

    class Meta(ModeratedSnippet.Meta):
        ordering = ["title"]
        # The directory shows the first six of thousands by title: with the index
        # PostgreSQL reads six rows instead of sorting all (12 ms of 10,000 offers).
        indexes = [
            models.Index(fields=["title"], name="directory_offer_title_idx"),
            # modelsearch joins its index entries on object_id = id::varchar(50) (Wagtail's
            # search: the admin's, and the site's for queries core.search leaves to it):
            # the offers' first 20 for "Garten" at 100,000 offers 208-240 -> 151-187 ms.
            models.Index(Cast("id", models.CharField(max_length=50)), name="directory_offer_id_text"),
        ]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        fill_slug(self, self.title)
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
        from ..views.details import preview_context

        return preview_context(request, offer=self)
