"""Core's tables: when each periodic job last became due (core/schedule.py), the
outbox of mails (core/outbox.py) and the synonyms of the site search (core/search.py).
The cache table is made by `createcachetable`, not by a model."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ScheduledJob(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    last_due = models.DateTimeField(_("last due"))

    class Meta:
        verbose_name = _("scheduled job")
        verbose_name_plural = _("scheduled jobs")

    def __str__(self):
        return self.name


class MailState(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class OutgoingMail(models.Model):
    """One mail to one address, stored before it is sent (core/outbox.py): a mail
    server that is down delays the mail instead of losing it, and a request never
    waits for SMTP. Deleted after the retention period."""

    to = models.EmailField(_("to"))
    reply_to = models.EmailField(_("reply to"), blank=True)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    # An HTML version beside the text (the Quartiersbrief), sent as multipart/alternative.
    html = models.TextField(_("HTML version"), blank=True)
    headers = models.JSONField(_("extra headers"), default=dict, blank=True)
    # What the mail is about, for the admin and the personal-data export.
    purpose = models.CharField(_("purpose"), max_length=60)
    # One mail per key: a second queue() with the same key sends nothing.
    key = models.CharField(max_length=200, unique=True, null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("queued"), default=timezone.now, db_index=True)
    state = models.CharField(_("state"), max_length=20, choices=MailState.choices, default=MailState.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)
    claim_token = models.UUIDField(null=True, blank=True, editable=False)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mails")
        indexes = [models.Index(fields=["state", "next_attempt_at"], name="core_mail_due")]

    def __str__(self):
        return f"{self.purpose}: {self.to}"


MAX_SYNONYMS = 20
MAX_SYNONYM_LENGTH = 40


def split_words(text):
    """The words of a synonym group as editors write it: separated by commas."""
    return [word for word in (part.strip() for part in text.split(",")) if word]


class SearchSynonyms(models.Model):
    """Words residents use for the same thing here (Arzt, Praxis, Hausarzt): a search for
    one also finds what is written with another. Kept by editors, one group per row, per
    language, because the words are."""

    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    words = models.TextField(
        _("words"),
        help_text=_("Words that mean the same here, separated by commas, e.g. Arzt, Ärztin, Praxis, Hausarzt"),
    )

    class Meta:
        ordering = ["language", "words"]
        verbose_name = _("synonyms")
        verbose_name_plural = _("synonyms")

    def __str__(self):
        return ", ".join(self.word_list)

    @property
    def word_list(self):
        return split_words(self.words)

    def clean(self):
        words = self.word_list
        if len(words) < 2:
            raise ValidationError({"words": _("Enter at least two words, separated by commas.")})
        if len(words) > MAX_SYNONYMS:
            raise ValidationError({"words": _("At most %(count)d words in one group.") % {"count": MAX_SYNONYMS}})
        for word in words:
            if len(word) > MAX_SYNONYM_LENGTH or not re.fullmatch(r"[\w\- ]+", word):
                raise ValidationError(
                    {"words": _("“%(word)s” is not a word a resident would search for.") % {"word": word[:60]}}
                )
        self.words = ", ".join(words)


class SearchWord(models.Model):
    """A word of the site's public, indexed text, per language (core/vocabulary.py): the
    site search splits compounds against these words, finds the compounds a word is
    part of and corrects typos to the nearest of them. Learnt as content is published,
    made anew every night from what is public then."""

    language = models.CharField(max_length=10)
    # fold(word): lower case, umlauts written out, as typos are compared.
    folded = models.CharField(max_length=60)
    # As the text writes it, for "Did you mean …".
    spelling = models.CharField(max_length=60)
    key = models.CharField(max_length=60)
    # The key backwards: the compounds that end in a key are a prefix search on it.
    key_backwards = models.CharField(max_length=60)
    # In how many objects: of two near words, residents more likely mean the common one.
    documents = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["language", "folded"], name="core_searchword_unique")]
        indexes = [
            models.Index(fields=["language", "key"], name="core_searchword_key"),
            models.Index(fields=["language", "key_backwards"], name="core_searchword_backwards"),
        ]

    def __str__(self):
        return self.spelling
