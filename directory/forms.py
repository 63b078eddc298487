"""The directory's two forms: the filters of the list (GET) and the enquiry (POST)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import MAX_QUERY_LENGTH, PHONE_PATTERN, ResidentForm, clean_query, name_field

from .models import TargetGroup


class DirectoryFilterForm(forms.Form):
    """The filters as a plain GET form: every combination is a URL that can be
    bookmarked. A value that is not offered is ignored, never an error page."""

    q = forms.CharField(label=_("Search word"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)
    kind = forms.ChoiceField(label=_("Kind of provider"), required=False)
    group = forms.ChoiceField(
        label=_("For whom"), required=False, choices=[("", _("All target groups"))] + list(TargetGroup.choices)
    )
    free = forms.BooleanField(label=_("Free of charge only"), required=False)

    def __init__(self, data, *, categories, kinds, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["category"].choices = [("", _("All categories"))] + [(c.slug, c.name) for c in categories]
        self.fields["kind"].choices = [("", _("All kinds"))] + list(kinds)
        # input_type, not attrs["type"]: Django renders its own type attribute too.
        self.fields["q"].widget.input_type = "search"
        self.fields["q"].widget.attrs.update({"maxlength": MAX_QUERY_LENGTH})

    def clean_q(self):
        return clean_query(self.cleaned_data.get("q") or "")

    @property
    def filters(self):
        """The valid filters only; invalid ones are dropped rather than failing the page."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class EnquiryForm(ResidentForm):
    """A resident's request. Every error names the field it belongs to, in plain words."""

    text_fields = ("name", "message", "preferred_time")

    name = name_field()
    email = forms.EmailField(
        label=_("Your e-mail address"),
        required=False,
        max_length=254,
        error_messages={
            "invalid": _("This e-mail address is not valid. Please check it, e.g. name@example.org."),
            "max_length": _("This e-mail address is too long."),
        },
    )
    phone = forms.CharField(
        label=_("Your phone number"),
        required=False,
        max_length=40,
        error_messages={"max_length": _("This phone number is too long.")},
    )
    message = forms.CharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=3000,
        help_text=_("What do you need, and when? At most 3000 characters."),
        error_messages={
            "required": _("Please write what you would like to ask."),
            "max_length": _("Your message is too long: at most %(limit_value)d characters, please."),
        },
    )
    preferred_time = forms.CharField(
        label=_("When can we reach you best?"),
        required=False,
        max_length=200,
        help_text=_("For example: weekday mornings"),
        error_messages={"max_length": _("Please shorten this to at most %(limit_value)d characters.")},
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my details are stored and passed on to the provider to answer this enquiry. "
            "They are deleted after a few weeks."
        ),
        error_messages={"required": _("Please agree, otherwise we cannot pass on your enquiry.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.input_type = "tel"
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel"})

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE_PATTERN.match(phone):
            raise forms.ValidationError(_("Please enter a phone number with digits only, e.g. 030 1234567."))
        return phone

    def clean_together(self, cleaned):
        missing_both = not cleaned.get("email") and not cleaned.get("phone")
        if missing_both and not self.has_error("email") and not self.has_error("phone"):
            self.add_error(
                "email",
                _("Please give an e-mail address or a phone number, so that the provider can answer you."),
            )
