"""Houses and their rooms, closure days, house rules versions and fees: the places."""

from datetime import time

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.images import DescribedImageMixin
from core.words import StemmedSearch

WEEKDAYS = [
    ("0", _("Monday")),
    ("1", _("Tuesday")),
    ("2", _("Wednesday")),
    ("3", _("Thursday")),
    ("4", _("Friday")),
    ("5", _("Saturday")),
    ("6", _("Sunday")),
]


class CanonicalMixin:
    """The German original of a translatable snippet, which the bookings belong to."""

    @property
    def canonical(self):
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        return type(self).objects.get(translation_key=self.translation_key, locale=default)


class House(CanonicalMixin, TranslatableMixin, ClusterableModel):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80, help_text=_("The house's address on the site, e.g. hafenhaus"))
    description = models.TextField(_("description"), blank=True)
    street = models.CharField(_("street and number"), max_length=120)
    postcode = models.CharField(_("postcode"), max_length=10)
    town = models.CharField(_("town"), max_length=80)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    opens_at = models.TimeField(_("rooms can be used from"), default=time(8))
    closes_at = models.TimeField(_("rooms can be used until"), default=time(22))
    open_weekdays = models.CharField(
        _("open on"), max_length=7, default="0123456", help_text=_("The days on which rooms can be booked.")
    )
    step_free = models.BooleanField(_("step-free access"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    accessibility_note = models.CharField(_("more on access"), max_length=300, blank=True)
    rules = RichTextField(
        _("house rules"),
        features=["bold", "italic", "ul", "ol", "link"],
        help_text=_("Whoever asks for a room accepts them. Each change is kept as a new version."),
    )
    # Who decides on requests for this house's rooms; editors with "Can approve room
    # requests of every house" decide for all houses.
    approvers = models.ForeignKey(
        "auth.Group",
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The group whose members decide on requests for this house."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    # The address is the same in every language: a link keeps working when the reader
    # switches language, and the bookings' views find the house by it.
    override_translatable_fields = [SynchronizedField("slug")]

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("street"), FieldRowPanel([FieldPanel("postcode"), FieldPanel("town")])], heading=_("Address")
        ),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]), FieldPanel("open_weekdays")],
            heading=_("Opening hours"),
        ),
        MultiFieldPanel(
            [FieldPanel("step_free"), FieldPanel("accessible_toilet"), FieldPanel("accessibility_note")],
            heading=_("Accessibility"),
        ),
        FieldPanel("rules"),
        FieldPanel("approvers"),
        InlinePanel("closures", heading=_("Closure days"), label=_("closure")),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("community house")
        verbose_name_plural = _("community houses")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_house_slug")]
        permissions = [("approve_every_house", _("Can approve room requests of every house"))]

    def __str__(self):
        return self.name

    @property
    def address(self):
        return f"{self.street}, {self.postcode} {self.town}"

    def is_open_on(self, day):
        return str(day.weekday()) in self.open_weekdays

    def current_rules(self):
        return self.canonical.rules_versions.order_by("-number").first()

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.locale_id == Locale.get_default().pk:
            latest = self.rules_versions.order_by("-number").first()
            if latest is None or latest.text != self.rules:
                HouseRulesVersion.objects.create(
                    house=self, number=(latest.number + 1) if latest else 1, text=self.rules
                )


class Closure(Orderable):
    """Days on which the house is closed (holidays of its own, repairs): no booking
    and no group time falls on them. Public holidays are skipped anyway."""

    house = ParentalKey(House, related_name="closures", on_delete=models.CASCADE)
    first_day = models.DateField(_("from"))
    last_day = models.DateField(_("until"))
    reason = models.CharField(_("reason"), max_length=120, blank=True)

    panels = [FieldRowPanel([FieldPanel("first_day"), FieldPanel("last_day"), FieldPanel("reason")])]

    class Meta(Orderable.Meta):
        verbose_name = _("closure")
        verbose_name_plural = _("closures")

    def clean(self):
        if self.first_day and self.last_day and self.last_day < self.first_day:
            raise ValidationError({"last_day": _("The last day cannot be before the first.")})


class HouseRulesVersion(models.Model):
    """The house rules as they were when someone accepted them."""

    house = models.ForeignKey(House, on_delete=models.CASCADE, related_name="rules_versions")
    number = models.PositiveIntegerField(_("version"))
    text = models.TextField(_("house rules"))
    created_at = models.DateTimeField(_("valid from"), default=timezone.now)

    class Meta:
        ordering = ["house", "-number"]
        verbose_name = _("house rules version")
        verbose_name_plural = _("house rules versions")
        constraints = [models.UniqueConstraint(fields=["house", "number"], name="unique_rules_version")]

    def __str__(self):
        return f"{self.house} v{self.number}"


class FeeKind(models.TextChoices):
    FREE = "free", _("Free of charge")
    PER_HOUR = "per_hour", _("Per hour")
    PER_BOOKING = "per_booking", _("Per booking")


class Room(StemmedSearch, CanonicalMixin, DescribedImageMixin, TranslatableMixin, index.Indexed, models.Model):
    house = models.ForeignKey(House, verbose_name=_("house"), on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80)
    description = models.TextField(_("description"), blank=True)
    capacity = models.PositiveSmallIntegerField(_("people at most"), validators=[MinValueValidator(1)])
    size_m2 = models.PositiveSmallIntegerField(_("size in m²"), null=True, blank=True)
    equipment = models.TextField(_("equipment"), blank=True, help_text=_("One item per line, e.g. Beamer"))
    step_free = models.BooleanField(_("step-free access"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    max_hours = models.PositiveSmallIntegerField(
        _("longest booking in hours"), default=6, validators=[MinValueValidator(1), MaxValueValidator(24)]
    )
    fee_kind = models.CharField(_("fee"), max_length=20, choices=FeeKind.choices, default=FeeKind.FREE)
    fee_club = models.DecimalField(
        _("fee for clubs and groups (€)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    fee_private = models.DecimalField(
        _("fee for private use (€)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    deposit = models.DecimalField(_("deposit (€)"), max_digits=7, decimal_places=2, null=True, blank=True)
    fee_note = models.CharField(_("note on the fee"), max_length=200, blank=True)
    bookable = models.BooleanField(_("can be requested"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    override_translatable_fields = [SynchronizedField("slug")]

    panels = [
        FieldPanel("house"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("size_m2"), FieldPanel("max_hours")]),
        FieldPanel("equipment"),
        MultiFieldPanel([FieldPanel("step_free"), FieldPanel("hearing_loop")], heading=_("Accessibility")),
        DescribedImageMixin.image_panel,
        MultiFieldPanel(
            [
                FieldPanel("fee_kind"),
                FieldRowPanel([FieldPanel("fee_club"), FieldPanel("fee_private"), FieldPanel("deposit")]),
                FieldPanel("fee_note"),
            ],
            heading=_("Fees"),
        ),
        FieldPanel("bookable"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.SearchField("equipment"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["house__sort_order", "sort_order", "name"]
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        constraints = [models.UniqueConstraint(fields=["house", "slug", "locale"], name="unique_room_slug")]

    def __str__(self):
        return f"{self.name} ({self.house})"

    def clean(self):
        errors = self.image_errors()
        if self.fee_kind != FeeKind.FREE and self.fee_club is None and self.fee_private is None:
            errors["fee_club"] = _("Give the fee for clubs, for private use, or both.")
        if errors:
            raise ValidationError(errors)

    def equipment_list(self):
        return [line.strip() for line in self.equipment.splitlines() if line.strip()]

    def fee_summary(self):
        from ..fees import fee_summary

        return fee_summary(self)

    def fee_for(self, club):
        """The fee a requester accepts, in words, as stored with the request."""
        from ..fees import fee_text

        return fee_text(self, club)
