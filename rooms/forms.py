"""The form to ask for a room, and the approvers' decision."""

from datetime import timedelta

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from core.forms import PHONE_PATTERN, one_of, text_field
from participation.forms import ContributionForm

from .booking import MAX_SERIES_DAYS, local
from .models import WEEKDAYS, Repeat, RequesterKind

# How far ahead a room can be asked for: the house rules and fees of later years may differ.
MAX_DAYS_AHEAD = 366

DATE_ERRORS = {"required": _("Please give the date."), "invalid": _("Please give the date as DD.MM.YYYY.")}
TIME_ERRORS = {"required": _("Please give the time."), "invalid": _("Please give the time as HH:MM, e.g. 18:30.")}


def date_field(label, required=True, help_text=""):
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        error_messages=DATE_ERRORS,
    )


def time_field(label):
    return forms.TimeField(
        label=label,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        input_formats=["%H:%M", "%H.%M"],
        error_messages=TIME_ERRORS,
    )


class RoomRequestForm(ContributionForm):
    text_fields = ("title", "purpose", "organiser", "phone")
    consent_label = _(
        "I agree that my request, my address and my phone number are stored to decide on it and to "
        "reach me, and deleted after the last date. Only the house's approvers see them."
    )

    title = text_field(_("Name of your meeting or event"), 120, required=True)
    day = date_field(_("Date"))
    start_time = time_field(_("From"))
    end_time = time_field(_("Until"))
    # "once" in the form, "" in the model: a radio button needs a value to be chosen.
    repeat = one_of(
        _("How often?"),
        [("once", Repeat.NONE.label), (Repeat.WEEKLY, Repeat.WEEKLY.label), (Repeat.BIWEEKLY, Repeat.BIWEEKLY.label)],
        _("Please choose whether it is once or a series."),
    )
    repeat_until = date_field(
        _("Last date of the series"), required=False, help_text=_("A series runs a year at most.")
    )
    people = forms.IntegerField(
        label=_("How many people do you expect?"),
        min_value=1,
        max_value=9999,
        error_messages={
            "required": _("Please say how many people you expect."),
            "invalid": _("Please give the number of people as a number."),
            "min_value": _("Please give at least one person."),
            "max_value": _("Please give a smaller number."),
        },
    )
    purpose = text_field(_("What is it for?"), 1000, required=True, rows=4)
    requester_kind = one_of(
        _("You ask"),
        RequesterKind.choices,
        _("Please say whether you ask for a club or group or privately."),
    )
    organiser = text_field(_("Name of the club or group"), 120, help_text=_("Only when you ask for a club or group."))
    public = forms.BooleanField(
        label=_("Open to everyone: show it with its name in the room's week and in the event calendar"),
        required=False,
    )
    phone = text_field(_("Phone (optional)"), 40, help_text=_("For questions about the request; never shown."))
    accept_rules = forms.BooleanField(
        error_messages={"required": _("Please read and accept the house rules.")},
    )
    accept_fee = forms.BooleanField(
        error_messages={"required": _("Please accept the fee, or choose another room.")},
    )
    # Sent again after the clashes of a series were shown: "book the other dates".
    despite_clashes = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, room, rules, **kwargs):
        super().__init__(*args, **kwargs)
        self.room = room
        self.rules = rules
        self.fields["accept_rules"].label = _(
            "I have read the house rules above and accept them (version %(version)d)."
        ) % {"version": rules.number}
        self.fields["accept_fee"].label = _("I accept the fee: %(fee)s.") % {"fee": room.fee_summary()}
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["people"].widget.attrs["max"] = room.capacity

    def clean_repeat(self):
        return "" if self.cleaned_data["repeat"] == "once" else self.cleaned_data["repeat"]

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "").strip()
        if phone and not PHONE_PATTERN.match(phone):
            raise forms.ValidationError(_("Please give the phone number with digits only, e.g. 040 123456."))
        return phone

    def clean_together(self, cleaned):
        room, house = self.room, self.room.house
        day, start, end = cleaned.get("day"), cleaned.get("start_time"), cleaned.get("end_time")
        if cleaned.get("people") and cleaned["people"] > room.capacity:
            self.add_error("people", _("This room holds %(capacity)d people at most.") % {"capacity": room.capacity})
        if cleaned.get("requester_kind") == RequesterKind.CLUB and not cleaned.get("organiser"):
            self.add_error("organiser", _("Please give the name of the club or group."))
        if day and start and end:
            cleaned["starts_at"], cleaned["ends_at"] = local(day, start), local(day, end)
            if end <= start:
                self.add_error("end_time", _("The end must be after the start."))
            elif cleaned["starts_at"] <= timezone.now():
                self.add_error("day", _("This time has passed. Please choose a time from now on."))
            elif day > timezone.localdate() + timedelta(days=MAX_DAYS_AHEAD):
                self.add_error("day", _("Rooms can be asked for up to a year ahead."))
            elif start < house.opens_at or end > house.closes_at:
                self.add_error(
                    "start_time" if start < house.opens_at else "end_time",
                    _("Rooms in this house can be used from %(opens)s to %(closes)s.")
                    % {"opens": formats.time_format(house.opens_at), "closes": formats.time_format(house.closes_at)},
                )
            elif cleaned["ends_at"] - cleaned["starts_at"] > timedelta(hours=room.max_hours):
                self.add_error(
                    "end_time",
                    _("This room can be booked for %(hours)d hours at a time at most.") % {"hours": room.max_hours},
                )
            elif not house.is_open_on(day):
                self.add_error(
                    "day",
                    _("The house is closed on this weekday (%(weekday)s).")
                    % {"weekday": dict(WEEKDAYS)[str(day.weekday())]},
                )
        repeat, until = cleaned.get("repeat"), cleaned.get("repeat_until")
        if repeat and day:
            if until is None:
                if "repeat_until" not in self.errors:
                    self.add_error("repeat_until", _("Please give the last date of the series."))
            elif until < day:
                self.add_error("repeat_until", _("The last date cannot be before the first."))
            elif (until - day).days > MAX_SERIES_DAYS:
                self.add_error("repeat_until", _("A series runs a year at most. Please ask again for the next year."))


class DecisionForm(forms.Form):
    """The approver's decision on a request: the dates to keep (a series is decided at
    once), or the reason for a refusal."""

    keep = forms.MultipleChoiceField(label=_("Dates to book"), required=False, widget=forms.CheckboxSelectMultiple)
    reason = forms.CharField(
        label=_("Reason, as the requester will read it"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, bookings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].choices = [
            (
                str(booking.pk),
                f"{formats.date_format(timezone.localtime(booking.starts_at), 'D, d.m.Y H:i')}"
                f"–{formats.time_format(timezone.localtime(booking.ends_at))}",
            )
            for booking in bookings
        ]
        self.initial.setdefault("keep", [str(booking.pk) for booking in bookings])
