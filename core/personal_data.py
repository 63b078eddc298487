"""Finding, exporting and deleting one person's data (GDPR articles 15, 17 and 20).

Each app that stores personal data registers a source through the Wagtail hook
`quartier_personal_data`: a function returning a `PersonalDataSource`. The
`personal_data` command asks all of them, so a new kind of data cannot be forgotten
without its app forgetting to register it.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail import hooks


@dataclass(frozen=True)
class PersonalDataSource:
    label: str
    find: Callable  # (email, phone) -> QuerySet of the person's rows
    describe: Callable  # row -> dict of what is stored, for the export
    # For the privacy statement, in the reader's language (lazy translations):
    title: str = ""
    purpose: str = ""
    retention: str = ""


def phone_digits(phone):
    return re.sub(r"\D", "", phone or "")


def by_email_or_phone(model, email, phone):
    """The rows of `model` (with `email` and `phone` fields) for this address or this
    phone number. Phone numbers are stored as typed ("030 123-45"), so they are compared
    by their digits, in Python, over the few rows that share the last four."""
    matches = Q(pk__in=[])
    if email:
        matches |= Q(email__iexact=email)
    digits = phone_digits(phone)
    if digits:
        candidates = model.objects.filter(phone__endswith=digits[-4:]).only("pk", "phone")
        matches |= Q(pk__in=[row.pk for row in candidates if phone_digits(row.phone) == digits])
    return model.objects.filter(matches)


def sources():
    return [accounts(), mails(), *(factory() for factory in hooks.get_hooks("quartier_personal_data"))]


def export(email="", phone="", labels_except=()):
    return {
        source.label: [source.describe(row) for row in source.find(email, phone)]
        for source in sources()
        if source.label not in labels_except
    }


def delete(email="", phone=""):
    deleted = {}
    for source in sources():
        rows = source.find(email, phone)
        # delete() counts what it removed, cascades separately: one query fewer than count().
        _total, per_model = rows.delete()
        deleted[source.label] = per_model.get(rows.model._meta.label, 0)
    return deleted


def accounts():
    User = get_user_model()

    def find(email, phone):
        return User.objects.filter(email__iexact=email) if email else User.objects.none()

    def describe(user):
        return {
            "username": user.get_username(),
            "name": user.get_full_name(),
            "email": user.email,
            "joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "groups": sorted(user.groups.values_list("name", flat=True)),
        }

    return PersonalDataSource(
        label="accounts",
        find=find,
        describe=describe,
        title=_("Accounts of editors, clubs and providers"),
        purpose=_("Name, e-mail address and password (stored only as a hash), to log in and edit."),
        retention=_("Until the account is deleted; failed logins (address and username) for %(minutes)s minutes.")
        % {"minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)},
    )


def mails():
    from .models import OutgoingMail

    def find(email, phone):
        if not email:
            return OutgoingMail.objects.none()
        return OutgoingMail.objects.filter(Q(to__iexact=email) | Q(reply_to__iexact=email))

    def describe(mail):
        return {
            "queued": mail.created_at.isoformat(),
            "to": mail.to,
            "reply_to": mail.reply_to,
            "subject": mail.subject,
            "text": mail.body,
            "state": mail.state,
        }

    return PersonalDataSource(
        label="mails",
        find=find,
        describe=describe,
        title=_("Mails the site sends"),
        purpose=_(
            "The address, subject and text of each mail (confirmations, status mails, messages passed "
            "on between residents), to send it again when the mail server fails."
        ),
        retention=_("Deleted automatically after %(days)s days.") % {"days": settings.MAIL_RETENTION_DAYS},
    )


def privacy_facts():
    """What the site stores about people and for how long, for the privacy statement:
    generated from the same sources the export and deletion use, so it cannot drift."""
    facts = [{"title": s.title, "purpose": s.purpose, "retention": s.retention} for s in sources() if s.title]
    facts.append(
        {
            "title": _("Cookies"),
            "purpose": _(
                "Only technically necessary ones: csrftoken protects forms against forgery; "
                "sessionid keeps a logged-in editor logged in. No tracking, no analytics."
            ),
            "retention": _("csrftoken: one year; sessionid: until logout, at most %(days)s days.")
            % {"days": settings.SESSION_COOKIE_AGE // 86400},
        }
    )
    return facts
