"""What every form residents fill in shares: cleaning of free text, and the checks
against bots (a honeypot field and the signed time the form was shown).

A form shown is one token: `claim_timestamp` lets it store one thing only, so a double
click or a replayed request stores nothing twice."""

import hashlib
import re
import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from .text import without_direction_overrides

TIMESTAMP_SALT = "quartier.form.started"
# Longer queries are never typed by a person; cutting them bounds the work per request.
MAX_QUERY_LENGTH = 200
# NUL and other control characters break PostgreSQL's tsquery parser and mean nothing.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
# In multi-line text, line breaks and tabs are what people type; the rest is not.
CONTROL_CHARACTERS_BUT_LINES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
PHONE_PATTERN = re.compile(r"^[\d\s+()/.-]{5,40}$")


def clean_query(raw):
    return " ".join(CONTROL_CHARACTERS.sub(" ", raw).split())[:MAX_QUERY_LENGTH].strip()


def clean_text(text):
    """Free text as stored: no control characters but line breaks, no direction overrides."""
    return without_direction_overrides(CONTROL_CHARACTERS_BUT_LINES.sub("", text)).strip()


def make_timestamp(at=None):
    """The signed time the form was shown, with a random part: each form shown is one
    token."""
    return signing.dumps([int(at if at is not None else time.time()), secrets.token_hex(8)], salt=TIMESTAMP_SALT)


def read_timestamp(token):
    """Seconds since the form was shown, or None when the token is forged or too old."""
    try:
        value = signing.loads(token, salt=TIMESTAMP_SALT, max_age=settings.FORM_MAX_AGE)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    started = value[0] if isinstance(value, list) and len(value) == 2 else None
    if not isinstance(started, int):
        return None
    elapsed = time.time() - started
    return elapsed if 0 <= elapsed <= settings.FORM_MAX_AGE else None


def claim_timestamp(token):
    """True the first time a form's token stores something, False on a replay: the
    shared cache remembers it for as long as the token is valid."""
    key = "quartier:form-token:" + hashlib.sha256(token.encode()).hexdigest()
    return cache.add(key, True, timeout=settings.FORM_MAX_AGE)


def text_field(label, max_length, required=False, rows=None, help_text=""):
    """Free text a resident writes: a line, or a box of `rows` lines, with its limits
    said in plain words."""
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}) if rows else None,
        error_messages={
            "required": _("Please fill in this field."),
            "max_length": _("Please shorten this to at most %(limit_value)d characters."),
        },
    )


def name_field():
    """A resident's name, as every form that passes one on asks for it."""
    field = forms.CharField(
        label=_("Your name"),
        max_length=120,
        error_messages={
            "required": _("Please enter your name."),
            "max_length": _("Please shorten your name to at most %(limit_value)d characters."),
        },
    )
    field.widget.attrs["autocomplete"] = "name"
    return field


class ResidentForm(forms.Form):
    """A form residents send: every error names its field in plain words (and screen
    readers hear it with the field), free text is cleaned, and bots are recognised by
    the honeypot (`is_spam`: answer as if all went well, store nothing) and by the
    time the form took."""

    # The fields whose text is cleaned of control characters and direction overrides.
    text_fields = ()

    # Honeypot: hidden from people, filled in by bots that fill in everything.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        if not self.is_bound:
            self.initial.setdefault("started", make_timestamp())
        self.is_spam = False

    def clean(self):
        cleaned = super().clean()
        for name in self.text_fields:
            if cleaned.get(name):
                cleaned[name] = clean_text(cleaned[name])
                if not cleaned[name] and self.fields[name].required:
                    # Nothing but control characters: as good as empty.
                    self.add_error(name, self.fields[name].error_messages["required"])
        self.clean_together(cleaned)
        if cleaned.get("website"):
            self.is_spam = True
        elapsed = read_timestamp(cleaned.get("started") or "")
        if elapsed is None:
            self.renew_timestamp()
            raise forms.ValidationError(
                _("This form was open too long or could not be checked. Please send it again."), code="expired"
            )
        # Only worth saying when nothing else is wrong: a second try is needed anyway.
        if elapsed < settings.FORM_MIN_FILL_SECONDS and not self.errors:
            # A person may be that fast with autofill: ask again instead of dropping what
            # they wrote. The second try carries the same timestamp and passes.
            raise forms.ValidationError(
                _("That was very quick. Please check your details and send the form again."), code="too_fast"
            )
        return cleaned

    def clean_together(self, cleaned):
        """Checks of fields against each other, made before the time check so that the
        resident hears of everything to fix at once."""

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


def one_of(label, choices, message, help_text=""):
    """A choice shown as radio buttons; missing or not offered, the same plain words."""
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        help_text=help_text,
        error_messages={"required": message, "invalid_choice": message},
    )
