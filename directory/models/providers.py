"""Providers: who offers help, listed only with their consent on record."""

from django import forms
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .base import DESCRIPTION_FEATURES, ModeratedSnippet, fill_slug, validate_unique_slug_per_locale
from .categories import Category, in_own_language


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


class ProviderQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def public(self):
        """Live and with listing consent on record: the only providers residents see."""
        return self.filter(live=True, consent_given_at__isnull=False)


class ProviderAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        in_own_language(self)


class Provider(ModeratedSnippet):
    """A business, volunteer service, club or institution that offers help in the
    neighbourhood. Listed only with its consent on record; drafts and moderation let
    volunteers prepare entries that an editor approves."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(
        _("slug"),
        max_length=150,
        blank=True,
        help_text=_("The last part of the provider's web address; made from the name when left empty"),
    )
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
        # The admin listing and chooser of a provider account search within its own
        # providers (pk__in).
        index.FilterField("id"),
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

    base_form_class = ProviderAdminForm
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

    class Meta(ModeratedSnippet.Meta):
        ordering = ["name"]
        verbose_name = _("provider")
        verbose_name_plural = _("providers")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        fill_slug(self, self.name)
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
    def address_lines(self):
        locality = " ".join(part for part in (self.postcode, self.city) if part)
        return [line for line in (self.street, locality) if line]

    @property
    def opening_hours_lines(self):
        return [line.strip() for line in self.opening_hours.splitlines() if line.strip()]

    def get_preview_template(self, request, mode_name):
        return "directory/provider_detail.html"

    def get_preview_context(self, request, mode_name):
        from ..views.details import preview_context

        return preview_context(request, provider=self)
