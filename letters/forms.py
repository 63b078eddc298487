from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.forms import ResidentForm
from core.locales import localized_queryset
from participation.forms import ContributionForm

from .models import Frequency, Topic

CHOICE_ERRORS = {"invalid_choice": _("Please choose one of the options shown.")}


class ChoicesMixin(forms.Form):
    """What a subscriber chooses, on the form and later on their own page."""

    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        initial=Frequency.MONTHLY,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose how often."), **CHOICE_ERRORS},
    )
    topics = forms.MultipleChoiceField(
        label=_("What about (for the weekly or monthly mail)"),
        choices=Topic.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages=CHOICE_ERRORS,
    )
    categories = forms.MultipleChoiceField(
        label=_("Only these categories (optional)"),
        help_text=_("Of offers and swap posts. Choose none to get all."),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages=CHOICE_ERRORS,
    )
    language = forms.ChoiceField(
        label=_("Language of the mails"),
        choices=settings.LANGUAGES,
        error_messages={"required": _("Please choose a language."), **CHOICE_ERRORS},
        help_text=_("What is not translated comes in German."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].choices = category_choices()

    def clean_together(self, cleaned):
        if cleaned.get("frequency") in (Frequency.WEEKLY, Frequency.MONTHLY) and not cleaned.get("topics"):
            self.add_error("topics", _("Please choose at least one topic for the weekly or monthly mail."))


def category_choices():
    """The directory's and the swap board's categories, in the reader's language."""
    from directory.models import Category
    from exchange.models import SwapCategory

    offers, swap = _("Offers"), _("Swap board")
    return [
        *(
            (f"{Topic.OFFERS}:{category.translation_key}", f"{offers}: {category.name}")
            for category in localized_queryset(Category.objects.all()).order_by("sort_order", "name")
        ),
        *(
            (f"{Topic.SWAP}:{category.translation_key}", f"{swap}: {category.name}")
            for category in localized_queryset(SwapCategory.objects.all()).order_by("sort_order", "name")
        ),
    ]


class SubscribeForm(ChoicesMixin, ContributionForm):
    field_order = ["email", "frequency", "topics", "categories", "language", "consent"]

    def __init__(self, *args, consent_label="", **kwargs):
        self.consent_label = consent_label
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = _(
            "Never shown to anyone. We send you a link to confirm; nothing comes before you do."
        )
        self.fields["consent"].error_messages["required"] = _("Please agree, otherwise we cannot send you mail.")


class PreferencesForm(ChoicesMixin, ResidentForm):
    pass


class StartForm(forms.Form):
    """The short form in every page's footer: only the address, which the full form
    then shows filled in."""

    subscriber_email = forms.EmailField(max_length=254, required=False)
