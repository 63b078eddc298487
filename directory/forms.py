"""The directory's two forms: the filters of the list (GET) and the enquiry (POST)."""

import hashlib
import re
import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from core.text import without_direction_overrides

from .models import TargetGroup

TIMESTAMP_SALT = "directory.enquiry.started"
# Longer queries are never typed by a person; cutting them bounds the work per request.
MAX_QUERY_LENGTH = 200
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
PHONE_PATTERN = re.compile(r"^[\d\s+()/.-]{5,40}$")


def clean_query(raw):
    return " ".join(CONTROL_CHARACTERS.sub(" ", raw).split())[:MAX_QUERY_LENGTH].strip()


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


def make_timestamp(at=None):
    """The signed time the form was shown, with a random part: each form shown is one
    token, which `claim_timestamp` lets store one enquiry only."""
    return signing.dumps([int(at if at is not None else time.time()), secrets.token_hex(8)], salt=TIMESTAMP_SALT)


def read_timestamp(token):
    """Seconds since the form was shown, or None when the token is forged or too old."""
    try:
        value = signing.loads(token, salt=TIMESTAMP_SALT, max_age=settings.ENQUIRY_FORM_MAX_AGE)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    started = value[0] if isinstance(value, list) and len(value) == 2 else None
    if not isinstance(started, int):
        return None
    elapsed = time.time() - started
    return elapsed if 0 <= elapsed <= settings.ENQUIRY_FORM_MAX_AGE else None


def claim_timestamp(token):
    """True the first time a form's token stores an enquiry, False on a replay: the
    shared cache remembers it for as long as the token is valid."""
    key = "quartier:enquiry-form:" + hashlib.sha256(token.encode()).hexdigest()
    return cache.add(key, True, timeout=settings.ENQUIRY_FORM_MAX_AGE)


class EnquiryForm(forms.Form):
    """A resident's request. Every error names the field it belongs to, in plain words."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        error_messages={
            "required": _("Please enter your name."),
            "max_length": _("Please shorten your name to at most %(limit_value)d characters."),
        },
    )
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
    # Honeypot: hidden from people, filled in by bots that fill in everything.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["phone"].widget.input_type = "tel"
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel"})
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.is_spam = False

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE_PATTERN.match(phone):
            raise forms.ValidationError(_("Please enter a phone number with digits only, e.g. 030 1234567."))
        return phone

    def clean(self):
        cleaned = super().clean()
        for name in ("name", "message", "preferred_time"):
            if cleaned.get(name):
                cleaned[name] = without_direction_overrides(cleaned[name])
        missing_both = not cleaned.get("email") and not cleaned.get("phone")
        if missing_both and not self.has_error("email") and not self.has_error("phone"):
            self.add_error(
                "email",
                _("Please give an e-mail address or a phone number, so that the provider can answer you."),
            )
        if cleaned.get("website"):
            self.is_spam = True
        elapsed = read_timestamp(cleaned.get("started") or "")
        if elapsed is None:
            self.renew_timestamp()
            raise forms.ValidationError(
                _("This form was open too long or could not be checked. Please send it again."), code="expired"
            )
        # Only worth saying when nothing else is wrong: a second try is needed anyway.
        if elapsed < settings.ENQUIRY_MIN_FILL_SECONDS and not self.errors:
            # A person may be that fast with autofill: ask again instead of dropping the
            # enquiry. The second try carries the same timestamp and passes.
            raise forms.ValidationError(
                _("That was very quick. Please check your details and send the form again."), code="too_fast"
            )
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        # Screen readers announce the error with the field (Django adds aria-invalid).
        for name in self.errors:
            if name in self.fields:
                field = self.fields[name]
                ids = [f"id_{name}_helptext"] if field.help_text else []
                field.widget.attrs["aria-describedby"] = " ".join([*ids, f"id_{name}_error"])

    def renew_timestamp(self):
        """Render the form again with a fresh timestamp, keeping what the resident typed."""
        data = self.data.copy()
        data["started"] = make_timestamp()
        self.data = data
