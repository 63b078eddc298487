"""The form for proposing an event ("Termin melden"), and the clash check shown while
filling it in."""

import re
from datetime import datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.forms import text_field
from core.photos import safe_photo
from participation.forms import ContributionForm

from .occurrences import dates_in_window
from .recurrence import Repeat

# A repetition longer than this is not a proposal but a standing group: editors enter it.
LONGEST_SERIES = timedelta(days=366)
# An event without an end is taken to last this long when looking for clashes.
ASSUMED_LENGTH = timedelta(hours=2)
WORDS = re.compile(r"\w{5,}")


class EventProposalForm(ContributionForm):
    text_fields = (
        "title", "place_name", "address", "organiser_name", "organiser_contact", "cost",
        "registration_info", "accessibility", "description", "photo_alt",
    )  # fmt: skip
    consent_label = gettext_lazy(
        "The event meets the criteria above. I agree that it is published with the details given here, and "
        "that my address is stored to confirm it, ask me about it and tell me what happens with it."
    )

    title = text_field(gettext_lazy("Title of the event"), 120, required=True)
    date = forms.DateField(
        label=gettext_lazy("Date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": gettext_lazy("Please give the date."),
            "invalid": gettext_lazy("Please give the date as day.month.year, e.g. 24.12.2026."),
        },
    )
    all_day = forms.BooleanField(label=gettext_lazy("All day"), required=False)
    start_time = forms.TimeField(
        label=gettext_lazy("Starts at"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
        error_messages={"invalid": gettext_lazy("Please give the time as hours:minutes, e.g. 18:30.")},
    )
    end_time = forms.TimeField(
        label=gettext_lazy("Ends at (optional)"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
        error_messages={"invalid": gettext_lazy("Please give the time as hours:minutes, e.g. 18:30.")},
    )
    repeat = forms.ChoiceField(
        label=gettext_lazy("Repeats"),
        choices=Repeat.choices,
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Please choose one of the repetitions shown.")},
    )
    repeat_until = forms.DateField(
        label=gettext_lazy("Repeats until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("The last day on which it can take place; at most a year ahead."),
        error_messages={"invalid": gettext_lazy("Please give the date as day.month.year, e.g. 24.12.2026.")},
    )
    place_name = text_field(
        gettext_lazy("Place"), 200, required=True, help_text=gettext_lazy("e.g. Nachbarschaftshaus")
    )
    address = text_field(gettext_lazy("Address (optional)"), 300, rows=2)
    organiser_name = text_field(gettext_lazy("Organiser"), 200, required=True)
    organiser_contact = text_field(
        gettext_lazy("How visitors reach the organiser (optional)"),
        200,
        help_text=gettext_lazy("A phone number or an address; shown on the event's page."),
    )
    cost = text_field(
        gettext_lazy("Cost (optional)"), 200, help_text=gettext_lazy("e.g. free, 3 euros, donations welcome")
    )
    registration_info = text_field(gettext_lazy("Registration (optional)"), 1000, rows=2)
    accessibility = text_field(
        gettext_lazy("Accessibility (optional)"),
        1000,
        rows=2,
        help_text=gettext_lazy("Steps, lift, accessible toilet, hearing loop: what visitors need to know."),
    )
    description = text_field(gettext_lazy("Description"), 3000, required=True, rows=6)
    photo = forms.FileField(
        label=gettext_lazy("Picture (optional)"),
        required=False,
        help_text=gettext_lazy("JPEG, PNG or WebP, at most 10 MB. We remove location and camera data."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
    )
    photo_alt = text_field(
        gettext_lazy("What the picture shows"), 200, help_text=gettext_lazy("A few words for people who cannot see it.")
    )
    # Set when the proposer has seen the clash warning and sends it anyway.
    despite_clashes = forms.BooleanField(required=False, widget=forms.HiddenInput)

    field_order = [
        "title", "date", "all_day", "start_time", "end_time", "repeat", "repeat_until", "place_name",
        "address", "organiser_name", "organiser_contact", "cost", "registration_info", "accessibility",
        "description", "photo", "photo_alt", "email", "consent",
    ]  # fmt: skip

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        return safe_photo(upload) if upload else None

    def clean_together(self, cleaned):
        day, start_time, end_time = cleaned.get("date"), cleaned.get("start_time"), cleaned.get("end_time")
        if day is None:
            return
        if not cleaned.get("all_day") and start_time is None and not self.has_error("start_time"):
            self.add_error("start_time", _("Please give the starting time, or tick “All day”."))
            return
        start = timezone.make_aware(datetime.combine(day, time(0) if cleaned.get("all_day") else start_time))
        if start < timezone.now():
            self.add_error("date", _("This date is in the past. Please give a date to come."))
        end = None
        if end_time is not None and not cleaned.get("all_day"):
            end = timezone.make_aware(datetime.combine(day, end_time))
            if end <= start:
                self.add_error("end_time", _("The end is before the start. Please check the times."))
        cleaned["start"], cleaned["end"] = start, end
        if cleaned.get("repeat"):
            until = cleaned.get("repeat_until")
            if until is None and not self.has_error("repeat_until"):
                self.add_error("repeat_until", _("Please give the last day of the repetition."))
            elif until is not None and until <= day:
                self.add_error("repeat_until", _("The last day must come after the first date."))
            elif until is not None and until - day > LONGEST_SERIES:
                self.add_error("repeat_until", _("At most a year ahead, please; for longer, call us."))
        else:
            cleaned["repeat_until"] = None
        if cleaned.get("photo") and not cleaned.get("photo_alt") and not self.has_error("photo_alt"):
            self.add_error("photo_alt", _("Please say in a few words what the picture shows."))


def clashes(start, end, place_name, title, events, exclude=None):
    """What is already on the calendar that day: an event at the same place at an
    overlapping time, or one with a similar title. Each a sentence for the proposer."""
    day_start = start.astimezone(timezone.get_current_timezone()).replace(hour=0, minute=0)
    day_end = day_start + timedelta(days=1)
    own_end = end or start + ASSUMED_LENGTH
    nearby = events.in_window(day_start, day_end)
    if exclude:
        nearby = nearby.exclude(pk=exclude)
    places = dict(nearby.values_list("pk", "place_name"))
    own_words = {word.casefold() for word in WORDS.findall(title)}
    found = []
    for occurrence in dates_in_window(nearby, day_start, day_end):
        other_place = (places.get(occurrence.event.pk) or "").strip().casefold()
        when = time_format(occurrence.start.time(), "TIME_FORMAT")
        same_place = other_place and other_place == place_name.strip().casefold()
        other_end = occurrence.ends_at if occurrence.ends_at > occurrence.start else occurrence.start + ASSUMED_LENGTH
        overlapping = occurrence.start < own_end and other_end > start
        if same_place and overlapping:
            found.append(
                _("At the same place and time: “%(title)s” at %(time)s.")
                % {"title": occurrence.event.title, "time": when}
            )
        elif own_words & {word.casefold() for word in WORDS.findall(occurrence.event.title)}:
            found.append(
                _("A similar event that day: “%(title)s” at %(time)s.")
                % {"title": occurrence.event.title, "time": when}
            )
    return found
