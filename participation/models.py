"""Residents and what they contribute, in one life cycle (participation/lifecycle.py).

A resident is an e-mail address they confirmed, never an account with a password. A
contribution is anything a resident puts on the site (a swap post first); the kind's
own model adds its fields by inheriting from Contribution, so that the moderation
queue, the resident's page, expiry and retention see every kind in one table.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

# Short codes for paper (the notice-board sheet, a phone call to the office): no 0/O,
# 1/I/L, so that a code read aloud or typed from paper is not misread.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(5))


class Resident(models.Model):
    email = models.EmailField(_("e-mail"), unique=True, null=True, blank=True)
    # Only for residents the office enters without an e-mail address: whom to call.
    name = models.CharField(_("name"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=10, default="de")
    created_at = models.DateTimeField(_("first seen"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("address confirmed"), null=True, blank=True)
    # Clubs, providers and known groups whose contributions need no first review.
    trusted = models.BooleanField(
        _("trusted"), default=False, help_text=_("Publishes without review (unless a listed word needs one).")
    )
    # Raising it voids every private link mailed so far.
    link_version = models.PositiveIntegerField(default=1, editable=False)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("resident")
        verbose_name_plural = _("residents")

    def __str__(self):
        return self.email or self.name or f"#{self.pk}"

    @property
    def reachable_by_mail(self):
        return bool(self.email)


class State(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Waiting for your confirmation")
    IN_REVIEW = "in_review", _("Waiting for review")
    PUBLISHED = "published", _("Published")
    RESERVED = "reserved", _("Reserved")
    DONE = "done", _("Given away or found")
    RETURNED = "returned", _("Returned to you with a reason")
    REJECTED = "rejected", _("Not published")
    EXPIRED = "expired", _("Expired")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# What residents see in public lists.
PUBLIC_STATES = (State.PUBLISHED, State.RESERVED)


class ContributionQuerySet(models.QuerySet):
    def public(self, now=None):
        return self.filter(state__in=PUBLIC_STATES, hidden=False, expires_at__gt=now or timezone.now())

    def for_review(self):
        return self.filter(models.Q(state=State.IN_REVIEW) | models.Q(hidden=True))


class Contribution(models.Model):
    resident = models.ForeignKey(
        Resident, verbose_name=_("resident"), on_delete=models.CASCADE, related_name="contributions"
    )
    kind = models.CharField(_("kind"), max_length=30, editable=False)
    title = models.CharField(_("title"), max_length=120)
    language = models.CharField(_("language"), max_length=10, default="de")
    code = models.CharField(_("code"), max_length=8, unique=True, default=new_code, editable=False)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.UNCONFIRMED)
    # Hidden after several reports, until a moderator looked at it.
    hidden = models.BooleanField(_("hidden after reports"), default=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    state_changed_at = models.DateTimeField(_("state changed"), default=timezone.now)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    # Consent, provable: what the resident agreed to, when, and the confirmation.
    consent_text = models.TextField(_("consent given"), blank=True)
    consented_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmed_from = models.GenericIPAddressField(_("confirmed from"), null=True, blank=True)

    # Moderation.
    review_reason = models.CharField(_("why it waits for review"), max_length=200, blank=True)
    reason = models.TextField(_("reason given to the resident"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("being reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)

    # Entered by the office for a resident who called or came by.
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered on behalf by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    on_behalf_note = models.CharField(_("how the resident reached us"), max_length=200, blank=True)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        indexes = [
            models.Index(fields=["kind", "state", "expires_at"], name="participation_public"),
            models.Index(fields=["state", "state_changed_at"], name="participation_state"),
        ]
        permissions = [("moderate_contribution", _("Can moderate every kind of contribution"))]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self._state.adding:
            # 31^5 codes: among a few thousand items (the Quartiersbrief's subscribers)
            # two random ones meet by the birthday paradox; draw again until free.
            while Contribution.objects.filter(code=self.code).exists():
                self.code = new_code()
        super().save(*args, **kwargs)

    @property
    def is_public(self):
        return (
            self.state in PUBLIC_STATES
            and not self.hidden
            and bool(self.expires_at and self.expires_at > timezone.now())
        )

    def claimed_by_other(self, user, now=None):
        return bool(
            self.claimed_by_id
            and self.claimed_by_id != user.pk
            and self.claimed_until
            and self.claimed_until > (now or timezone.now())
        )


class ReportReason(models.TextChoices):
    ILLEGAL = "illegal", _("Against the law")
    COMMERCIAL = "commercial", _("Commercial or with a price")
    OFFENSIVE = "offensive", _("Offensive or discriminating")
    SPAM = "spam", _("Spam or a scam")
    OTHER = "other", _("Something else")


class Report(models.Model):
    contribution = models.ForeignKey(
        Contribution, verbose_name=_("contribution"), on_delete=models.CASCADE, related_name="reports"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)
    # A keyed hash of the reporter's address: counts different reporters without
    # storing who they are.
    reporter = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    resolved_at = models.DateTimeField(_("looked at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        # One open report per person and item; after a moderator looked, they may report again.
        constraints = [
            models.UniqueConstraint(
                fields=["contribution", "reporter"],
                condition=models.Q(resolved_at__isnull=True),
                name="one_open_report_per_reporter",
            )
        ]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.contribution}"


@register_setting(icon="warning")
class ModerationSettings(BaseGenericSetting):
    """Words that send a contribution to review even from a known resident."""

    flag_words = models.TextField(
        _("words that need a review"),
        blank=True,
        help_text=_(
            "One word or phrase per line. A contribution containing one waits for review, "
            "whoever sent it. Upper and lower case do not matter."
        ),
    )

    class Meta:
        verbose_name = _("moderation")

    def words(self):
        return [line.strip().casefold() for line in self.flag_words.splitlines() if line.strip()]
