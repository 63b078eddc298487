"""The board's forms: the filters (GET), a new or changed post (POST)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import clean_query, one_of
from core.photos import safe_photo
from participation.forms import ContributionForm

from .models import Direction, Mode, Subject


class BoardFilterForm(forms.Form):
    """Every combination is an address to bookmark; a value not offered is ignored."""

    direction = forms.ChoiceField(
        label=_("Offered or wanted"), required=False, choices=[("", _("Both"))] + list(Direction.choices)
    )
    subject = forms.ChoiceField(
        label=_("Thing or time"), required=False, choices=[("", _("Both"))] + list(Subject.choices)
    )
    category = forms.ChoiceField(label=_("Category"), required=False)
    area = forms.ChoiceField(label=_("Area"), required=False)
    new = forms.BooleanField(label=_("New this week only"), required=False)
    q = forms.CharField(label=_("Search word"), required=False, max_length=200)

    def __init__(self, data, *, categories, areas, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["category"].choices = [("", _("All categories"))] + [(c.slug, c.name) for c in categories]
        self.fields["area"].choices = [("", _("All areas"))] + [(area, area) for area in areas]
        self.fields["q"].widget.input_type = "search"

    def clean_q(self):
        return clean_query(self.cleaned_data.get("q") or "")

    @property
    def filters(self):
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class SwapPostForm(ContributionForm):
    text_fields = ("title", "description", "handover", "photo_alt")
    consent_label = _(
        "I have read what may be posted. I agree that my post is shown on the board and on the printed "
        "sheet (without my address), and that my address is stored to confirm, manage and end it."
    )

    direction = one_of(
        _("Do you offer something or look for something?"),
        Direction.choices,
        _("Please choose whether you offer or look for something."),
    )
    subject = one_of(_("A thing, or time and help?"), Subject.choices, _("Please choose a thing or time and help."))
    mode = one_of(
        _("How?"),
        Mode.choices,
        _("Please choose give away, lend or swap."),
        help_text=_("Everything on the board is free of charge: no prices, please."),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=80,
        help_text=_("In a few words, e.g. “Children's bike, 20 inch”"),
        error_messages={
            "required": _("Please give your post a title."),
            "max_length": _("Please shorten the title to at most %(limit_value)d characters."),
        },
    )
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=2000,
        help_text=_("What is it, what state is it in, when does it suit you? At most 2000 characters."),
        error_messages={
            "required": _("Please describe what you offer or look for."),
            "max_length": _("Your description is too long: at most %(limit_value)d characters, please."),
        },
    )
    category = forms.ChoiceField(
        label=_("Category"),
        error_messages={
            "required": _("Please choose a category."),
            "invalid_choice": _("Please choose one of the categories shown."),
        },
    )
    area = forms.ChoiceField(
        label=_("Area"),
        help_text=_("Only the part of the neighbourhood, never your address."),
        error_messages={
            "required": _("Please choose your area."),
            "invalid_choice": _("Please choose one of the areas shown."),
        },
    )
    handover = forms.CharField(
        label=_("How to hand over (optional)"),
        required=False,
        max_length=200,
        help_text=_("e.g. “to be collected, weekday evenings”"),
        error_messages={"max_length": _("Please shorten this to at most %(limit_value)d characters.")},
    )
    photo = forms.FileField(
        label=_("Photo (optional)"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 10 MB. We remove location and camera data."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
    )
    photo_alt = forms.CharField(
        label=_("What the photo shows"),
        required=False,
        max_length=200,
        help_text=_("A few words for people who cannot see it."),
        error_messages={"max_length": _("Please shorten this to at most %(limit_value)d characters.")},
    )

    field_order = [
        "direction", "subject", "mode", "title", "description", "category", "area", "handover",
        "photo", "photo_alt", "email", "consent",
    ]  # fmt: skip

    def __init__(self, *args, categories, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.categories = {category.slug: category for category in categories}
        self.fields["category"].choices = [("", _("Please choose"))] + [(c.slug, c.name) for c in categories]
        self.fields["area"].choices = [("", _("Please choose"))] + [(area, area) for area in areas]

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        return safe_photo(upload)

    def clean_together(self, cleaned):
        if cleaned.get("photo") and not cleaned.get("photo_alt") and not self.has_error("photo_alt"):
            self.add_error("photo_alt", _("Please say in a few words what the photo shows."))

    def category_object(self):
        return self.categories[self.cleaned_data["category"]]
