"""Categories: what an offer or provider is about, the directory's and the clubs' filters."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import (
    TranslatableMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.words import StemmedSearch

from .base import validate_unique_slug_per_locale


class Category(StemmedSearch, TranslatableMixin, index.Indexed, models.Model):
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


def in_own_language(form):
    """An admin form's category choices in the entry's own language: all five
    languages' categories mixed make a list five times too long with each name several
    times. Categories the entry already has stay listed, so saving loses none. Handles
    the checkboxes of providers and club pages (`categories`) and the offer's single
    `category`."""
    locale_id = getattr(form.instance, "locale_id", None)
    if locale_id is None:
        return
    instance = form.instance
    chosen_in = {
        # .all(), not values_list(): an entry opened from a draft revision holds its
        # categories in memory (modelcluster), which knows no "pk" lookup.
        "categories": lambda: [category.pk for category in instance.categories.all()] if instance.pk else [],
        "category": lambda: [instance.category_id] if instance.category_id else [],
    }
    for name, chosen in chosen_in.items():
        if field := form.fields.get(name):
            field.queryset = field.queryset.filter(models.Q(locale_id=locale_id) | models.Q(pk__in=chosen()))
