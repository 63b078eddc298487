"""An event proposed by a resident, a school or an initiative without an account
("Termin melden"). A contribution (participation/): confirmed, reviewed, returned with
a reason or refused like every other; approving it makes a normal EventPage under the
calendar, and a later change by the proposer is reviewed again before the page
changes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from participation.models import Contribution

from ..recurrence import Repeat


class EventProposal(Contribution):
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    all_day = models.BooleanField(_("all day"), default=False)
    repeat = models.CharField(_("repeats"), max_length=20, choices=Repeat.choices, blank=True, default="")
    repeat_until = models.DateField(_("repeats until"), null=True, blank=True)
    place_name = models.CharField(_("place"), max_length=200)
    address = models.TextField(_("address"), max_length=300, blank=True)
    organiser_name = models.CharField(_("organiser"), max_length=200)
    # Shown on the event page: how visitors reach the organiser (a phone or an address).
    organiser_contact = models.CharField(_("how to reach the organiser"), max_length=200, blank=True)
    cost = models.CharField(_("cost"), max_length=200, blank=True)
    registration_info = models.TextField(_("how to register"), max_length=1000, blank=True)
    accessibility = models.TextField(_("accessibility"), max_length=1000, blank=True)
    description = models.TextField(_("description"), max_length=3000)
    photo = models.ImageField(_("photo"), upload_to="proposals/", blank=True)
    photo_alt = models.CharField(_("what the photo shows"), max_length=200, blank=True)
    event_page = models.ForeignKey(
        "news.EventPage",
        verbose_name=_("event page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("event proposal")
        verbose_name_plural = _("event proposals")
        permissions = [("moderate_eventproposal", _("Can review event proposals"))]

    def save(self, *args, **kwargs):
        self.kind = "event"
        super().save(*args, **kwargs)
