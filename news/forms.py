"""The calendar's filter: what a resident chooses, read from the query string.

Whatever the query string holds, the calendar answers: an invalid value is reported
next to its field and the default is used instead.
"""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .queries import CONTROL_CHARACTERS, local_midnight, local_today

# The default view: the coming three months.
DEFAULT_DAYS = 92
# How far a resident may page into the past or the future with the date field.
EARLIEST_DAYS_BACK = 366
LATEST_DAYS_AHEAD = 3 * 366

WHEN_CHOICES = [
    ("", _("The next three months")),
    ("week", _("This week")),
    ("month", _("This month")),
]


class CalendarFilterForm(forms.Form):
    when = forms.ChoiceField(label=_("Period"), choices=WHEN_CHOICES, required=False)
    tag = forms.ChoiceField(
        label=_("Topic"),
        required=False,
        error_messages={"invalid_choice": _("There are no events on the topic “%(value)s”.")},
    )
    date = forms.DateField(
        label=_("From date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        help_text=_("Optional: show events from this day on."),
    )

    def __init__(self, data, tags, archive=False):
        # Only the fields this form knows: ?page= and anything else stay out of it.
        super().__init__({key: CONTROL_CHARACTERS.sub("", data.get(key, ""))[:100] for key in ("when", "tag", "date")})
        self.archive = archive
        self.tags = {tag.slug: tag for tag in tags}
        self.fields["tag"].choices = [("", _("All topics"))] + [(slug, tag.name) for slug, tag in self.tags.items()]
        if archive:
            del self.fields["when"]
            del self.fields["date"]
        self.is_valid()

    def clean_date(self):
        day = self.cleaned_data.get("date")
        if day is None:
            return None
        today = local_today()
        earliest, latest = today - timedelta(days=EARLIEST_DAYS_BACK), today + timedelta(days=LATEST_DAYS_AHEAD)
        if not earliest <= day <= latest:
            raise forms.ValidationError(
                _("Choose a day between %(earliest)s and %(latest)s."),
                params={
                    "earliest": date_format(earliest, "SHORT_DATE_FORMAT"),
                    "latest": date_format(latest, "SHORT_DATE_FORMAT"),
                },
            )
        return day

    @property
    def latest_day(self):
        return local_today() + timedelta(days=LATEST_DAYS_AHEAD)

    @property
    def active_tag(self):
        return self.tags.get(self.cleaned_data.get("tag") or "")

    @property
    def unknown_tag(self):
        return "tag" in self.errors

    def window(self):
        """[start, end) of the period asked for, as aware datetimes; it starts now when
        it starts today, so that what is over is not listed as upcoming."""
        first_day = self.cleaned_data.get("date") or local_today()
        when = self.cleaned_data.get("when") or ""
        if when == "week":
            last_day = first_day + timedelta(days=6 - first_day.weekday())
        elif when == "month":
            next_month = (first_day.replace(day=1) + timedelta(days=32)).replace(day=1)
            last_day = next_month - timedelta(days=1)
        else:
            last_day = first_day + timedelta(days=DEFAULT_DAYS - 1)
        start = local_midnight(first_day)
        if first_day == local_today():
            start = max(start, timezone.now())
        return start, local_midnight(last_day + timedelta(days=1))

    def filter_events(self, events):
        if self.unknown_tag:
            return events.none()
        if self.active_tag is not None:
            return events.filter(tagged_items__tag=self.active_tag)
        return events
