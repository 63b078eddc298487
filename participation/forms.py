"""The forms every kind of contribution shares: the address and consent of a new
contribution, "send me my link", a message to the person behind an item, a report."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ResidentForm, name_field

from .models import ReportReason

EMAIL_ERRORS = {
    "required": _("Please enter your e-mail address: we send you a link to confirm."),
    "invalid": _("This e-mail address is not valid. Please check it, e.g. name@example.org."),
    "max_length": _("This e-mail address is too long."),
}


def email_field(**kwargs):
    field = forms.EmailField(label=_("Your e-mail address"), max_length=254, error_messages=EMAIL_ERRORS, **kwargs)
    field.widget.attrs["autocomplete"] = "email"
    return field


def normalised(email):
    return email.strip().lower()


class ContributionForm(ResidentForm):
    """The part every new contribution has: who sends it and their consent. A resident
    who came from their own page is known; the e-mail field is then left out."""

    email = email_field(
        help_text=_("Never shown to anyone. We send you a link to confirm, and your own page to change or end it.")
    )
    consent = forms.BooleanField(
        error_messages={"required": _("Please agree, otherwise we cannot publish what you send.")},
    )
    consent_label = ""

    def __init__(self, *args, known_resident=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.known_resident = known_resident
        if known_resident is not None:
            del self.fields["email"]
        if editing:
            del self.fields["consent"]  # given with the first version
        else:
            self.fields["consent"].label = self.consent_label

    def clean_email(self):
        return normalised(self.cleaned_data["email"])


class LinkRequestForm(ResidentForm):
    email = email_field()

    def clean_email(self):
        return normalised(self.cleaned_data["email"])


class MessageForm(ResidentForm):
    """A message to the person behind an item, passed on by the site: they get the
    sender's address to answer, the sender never gets theirs."""

    text_fields = ("name", "message")

    name = name_field()
    email = email_field(help_text=_("Passed on so that the answer reaches you."))
    message = forms.CharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        help_text=_("At most 2000 characters."),
        error_messages={
            "required": _("Please write your message."),
            "max_length": _("Your message is too long: at most %(limit_value)d characters, please."),
        },
    )
    consent = forms.BooleanField(
        label=_("I agree that my name, address and message are passed on to answer me."),
        error_messages={"required": _("Please agree, otherwise we cannot pass on your message.")},
    )

    def clean_email(self):
        return normalised(self.cleaned_data["email"])


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with it?"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose what is wrong."),
            "invalid_choice": _("Please choose what is wrong."),
        },
    )
    note = forms.CharField(
        label=_("Anything to add? (optional)"),
        required=False,
        max_length=500,
        error_messages={"max_length": _("Please shorten this to at most %(limit_value)d characters.")},
    )


class ReasonForm(forms.Form):
    """For moderators: the reason a resident reads when an item is returned or refused."""

    reason = forms.CharField(
        label=_("Reason, as the resident will read it"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )
