"""The times a room is taken: bookings, residents' requests and editors' group times."""

import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel

from participation.models import Contribution

from .places import HouseRulesVersion, Room


def new_feed_key():
    # Letters, digits, - and _: Wagtail routes page addresses of those only.
    return secrets.token_urlsafe(18)


class Booking(models.Model):
    room = models.ForeignKey(Room, verbose_name=_("room"), on_delete=models.CASCADE, related_name="bookings")
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))
    # False while the request waits for approval: the time is held, not yet given.
    confirmed = models.BooleanField(_("confirmed"), default=False)
    request = models.ForeignKey(
        "rooms.RoomRequest", null=True, blank=True, on_delete=models.CASCADE, related_name="bookings"
    )
    group_time = models.ForeignKey(
        "rooms.GroupTime", null=True, blank=True, on_delete=models.CASCADE, related_name="bookings"
    )
    # What the public sees of a public booking; empty for a private one ("booked").
    public_title = models.CharField(_("public title"), max_length=120, blank=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        indexes = [models.Index(fields=["room", "starts_at"], name="rooms_booking_room_start")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="booking_ends_after_start"
            )
        ]

    def __str__(self):
        return f"{self.room}: {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"


class Repeat(models.TextChoices):
    NONE = "", _("Once")
    WEEKLY = "weekly", _("Every week")
    BIWEEKLY = "biweekly", _("Every two weeks")


REPEAT_WEEKS = {Repeat.WEEKLY: 1, Repeat.BIWEEKLY: 2}


class RequesterKind(models.TextChoices):
    CLUB = "club", _("A club, initiative or group")
    PRIVATE = "private", _("Privately")


class RoomRequest(Contribution):
    """A resident's request for a room, once or as a series, on the life cycle of
    contributions: confirmed by the button, always decided by the house's approvers."""

    room = models.ForeignKey(Room, verbose_name=_("room"), on_delete=models.CASCADE, related_name="requests")
    starts_at = models.DateTimeField(_("first date from"))
    ends_at = models.DateTimeField(_("first date until"))
    repeat = models.CharField(_("repeats"), max_length=10, choices=Repeat.choices, blank=True, default="")
    repeat_until = models.DateField(_("repeats until"), null=True, blank=True)
    purpose = models.TextField(_("what for"), max_length=1000)
    people = models.PositiveSmallIntegerField(_("expected people"))
    public = models.BooleanField(_("open to the public"), default=False)
    requester_kind = models.CharField(_("asking as"), max_length=10, choices=RequesterKind.choices)
    organiser = models.CharField(_("club or group"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    rules_version = models.ForeignKey(
        HouseRulesVersion, verbose_name=_("house rules accepted"), on_delete=models.PROTECT, related_name="+"
    )
    rules_accepted_at = models.DateTimeField(_("house rules accepted at"))
    fee_accepted = models.CharField(_("fee accepted"), max_length=300)
    # Dates of the series that were not held, with why: [{"date": "2026-12-24", "why": "holiday"}].
    skipped = models.JSONField(_("dates left out"), default=list, blank=True)
    feed_key = models.CharField(max_length=32, default=new_feed_key, unique=True, editable=False)
    event_page = models.ForeignKey(
        "news.EventPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    class Meta:
        verbose_name = _("room request")
        verbose_name_plural = _("room requests")

    def save(self, *args, **kwargs):
        self.kind = "room"
        super().save(*args, **kwargs)

    @property
    def duration(self):
        return self.ends_at - self.starts_at


class GroupTime(models.Model):
    """A group's regular slot for a season, entered by an editor without a request:
    weekly or every two weeks, with public holidays and closure days left out."""

    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        on_delete=models.CASCADE,
        related_name="group_times",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
    )
    group = models.CharField(_("group"), max_length=120)
    first_day = models.DateField(_("first date"), help_text=_("The weekday of this date is the group's day."))
    last_day = models.DateField(_("last date"))
    starts = models.TimeField(_("from"))
    ends = models.TimeField(_("until"))
    repeat = models.CharField(
        _("repeats"),
        max_length=10,
        choices=[(Repeat.WEEKLY, Repeat.WEEKLY.label), (Repeat.BIWEEKLY, Repeat.BIWEEKLY.label)],
        default=Repeat.WEEKLY,
    )
    public = models.BooleanField(
        _("show the group's name"), default=True, help_text=_("Otherwise the times show only as booked.")
    )
    contact = models.CharField(_("contact (not shown)"), max_length=200, blank=True)
    skipped = models.JSONField(_("dates left out"), default=list, blank=True, editable=False)
    feed_key = models.CharField(max_length=32, default=new_feed_key, unique=True, editable=False)

    panels = [
        FieldPanel("room"),
        FieldPanel("group"),
        FieldRowPanel([FieldPanel("first_day"), FieldPanel("last_day")]),
        FieldRowPanel([FieldPanel("starts"), FieldPanel("ends")]),
        FieldPanel("repeat"),
        FieldPanel("public"),
        FieldPanel("contact"),
    ]

    class Meta:
        ordering = ["room", "first_day", "starts"]
        verbose_name = _("group time")
        verbose_name_plural = _("group times")

    def __str__(self):
        return f"{self.group}: {self.room}"

    def clean(self):
        errors = {}
        if self.starts and self.ends and self.ends <= self.starts:
            errors["ends"] = _("The end must be after the start.")
        if self.first_day and self.last_day:
            if self.last_day < self.first_day:
                errors["last_day"] = _("The last date cannot be before the first.")
            elif self.last_day - self.first_day > timedelta(days=366):
                errors["last_day"] = _("A season lasts a year at most; enter the next one later.")
        if errors:
            raise ValidationError(errors)

    def local_interval(self, day):
        zone = timezone.get_current_timezone()
        return (
            timezone.make_aware(datetime.combine(day, self.starts), zone),
            timezone.make_aware(datetime.combine(day, self.ends), zone),
        )
