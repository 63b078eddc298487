"""A resident's enquiry for an offer, stored first and delivered by the worker."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .offers import Offer


class EnquiryState(models.TextChoices):
    PENDING = "pending", _("Waiting for delivery")
    SENDING = "sending", _("Being sent")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed, needs an editor")


class Enquiry(models.Model):
    """A resident's request for an offer. Stored before anything is sent, so that a
    mail server that is down delays it instead of losing it; delivered by the
    `deliver_enquiries` command, deleted after the retention period."""

    offer = models.ForeignKey(
        Offer, verbose_name=_("offer"), null=True, blank=True, on_delete=models.SET_NULL, related_name="enquiries"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Copies, so that an editor still sees what was asked for after the offer is gone.
    offer_title = models.CharField(_("offer"), max_length=150)
    provider_name = models.CharField(_("provider"), max_length=150)
    language = models.CharField(_("language"), max_length=10, default="de")

    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    message = models.TextField(_("message"), max_length=3000)
    preferred_time = models.CharField(_("preferred time"), max_length=200, blank=True)
    consent = models.BooleanField(_("consent to processing"), default=False)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)

    state = models.CharField(
        _("delivery state"), max_length=20, choices=EnquiryState.choices, default=EnquiryState.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("delivery attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now, db_index=True)
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    claim_token = models.UUIDField(null=True, blank=True, editable=False)
    last_error = models.TextField(_("last error"), blank=True)
    recipient = models.EmailField(_("sent to"), blank=True)
    routed_to_contact_person = models.BooleanField(_("routed to the contact person"), default=False)
    provider_notified_at = models.DateTimeField(_("provider notified"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")

    def __str__(self):
        return f"{self.name}: {self.offer_title}"

    @property
    def delivery_summary(self):
        """The state in one line: how often delivery was tried, and whether the
        contact person got it because the provider has no address of its own."""
        parts = [self.get_state_display()]
        if self.attempts > 1:
            parts.append(_("attempts: %(count)d") % {"count": self.attempts})
        if self.routed_to_contact_person:
            parts.append(_("via the contact person"))
        return ", ".join(str(part) for part in parts)

    @property
    def contact_summary(self):
        return " / ".join(part for part in (self.email, self.phone) if part)
