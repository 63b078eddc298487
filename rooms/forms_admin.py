"""The house's form in the admin: its open weekdays as checkboxes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from .models import WEEKDAYS

# Words that are routes of the rooms page, so no house may take them as its address.
RESERVED_SLUGS = {"termine"}


class HouseForm(WagtailAdminModelForm):
    open_weekdays = forms.MultipleChoiceField(
        label=_("Open on"), choices=WEEKDAYS, widget=forms.CheckboxSelectMultiple, required=True
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance and isinstance(self.instance.open_weekdays, str):
            self.initial["open_weekdays"] = list(self.instance.open_weekdays)

    def clean_open_weekdays(self):
        return "".join(sorted(self.cleaned_data["open_weekdays"]))

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(_("This address is taken by the site; please choose another."))
        return slug

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("The closing time must be after the opening time."))
        return cleaned
