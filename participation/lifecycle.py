"""The life cycle of a contribution, the same for every kind:

    unconfirmed -> in review -> published (-> reserved -> done) -> expired -> deleted
                            \\-> returned with a reason (changed, then in review again)
                            \\-> rejected

Every change goes through a function here, which records it, writes the audit log
(Wagtail's, with who and when) and mails the resident when the change matters to them.
The clock is a parameter (`now`) where the schedule calls in, so tests can set it.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.log_actions import log

from core import outbox
from core.addresses import absolute
from core.page_cache import invalidate

from .kinds import all_kinds, kind_of
from .models import PUBLIC_STATES, Contribution, ModerationSettings, Report, Resident, State
from .tokens import confirmation_token, resident_token

CLAIM_MINUTES = 30


class NotAllowed(Exception):
    """A change that the item's state does not allow (a stale button, a replay)."""


def resident_link(resident):
    with translation.override(resident.language):
        return absolute(reverse("participation:resident", args=[resident_token(resident)]))


def confirmation_link(contribution):
    with translation.override(contribution.language):
        return absolute(reverse("participation:confirm", args=[confirmation_token(contribution)]))


def mail_resident(resident, template, purpose, key=None, **context):
    """A short mail to the resident in their language; residents the office entered
    without an address hear from the office instead."""
    if not resident.email:
        return None
    context = {"resident": resident, "site_name": settings.WAGTAIL_SITE_NAME, **context}
    context.setdefault("resident_link", resident_link(resident))
    prefix = template if "/" in template else f"participation/emails/{template}"
    subject, body = outbox.render(prefix, context, resident.language)
    return outbox.queue(to=resident.email, subject=subject, body=body, purpose=purpose, key=key)


def _mail_about(contribution, template, **context):
    kind = kind_of(contribution)
    public_url = kind.public_url(contribution) if contribution.state in PUBLIC_STATES else ""
    return mail_resident(
        contribution.resident,
        kind.mail_templates.get(template, template),
        purpose=f"participation.{template}",
        contribution=contribution,
        kind=kind,
        public_url=absolute(public_url) if public_url else "",
        **context,
    )


ENDING_STATES = (State.RETURNED, State.REJECTED, State.WITHDRAWN)


def _change(contribution, state, now, *, user=None, action=None, **fields):
    ending = state in ENDING_STATES and contribution.state not in ENDING_STATES
    contribution.state = state
    contribution.state_changed_at = now
    for name, value in fields.items():
        setattr(contribution, name, value)
    contribution.save()
    if ending and kind_of(contribution).on_end:
        kind_of(contribution).on_end(contribution)
    if action:
        log(
            # Logged on the contribution, whatever its kind's model: one history per item.
            instance=Contribution(pk=contribution.pk),
            action=f"participation.{action}",
            user=user,
            # The code, not the title: the log outlives the contribution and its text.
            title=f"{kind_of(contribution).label} {contribution.code}",
            data={"state": state, "reason": contribution.reason} if contribution.reason else {"state": state},
        )


def log_change(contribution, user, action):
    """An entry in the audit log for a change the office made for a resident."""
    log(
        instance=Contribution(pk=contribution.pk),
        action="participation.office_change",
        user=user,
        title=f"{kind_of(contribution).label} {contribution.code}",
        data={"state": contribution.state, "action": action},
    )


def submit(contribution, consent_text, *, confirmed=False, ip=None, now=None):
    """A stored new contribution enters the cycle. From the public form it waits for the
    resident's confirmation; from their own page (their link proves the address) or
    from the office it goes on at once."""
    now = now or timezone.now()
    contribution.consent_text = consent_text
    contribution.consented_at = now
    if confirmed:
        _confirmed(contribution, ip, now)
    else:
        _change(contribution, State.UNCONFIRMED, now)
        _mail_about(contribution, "confirm", confirm_link=confirmation_link(contribution))


def confirm(contribution, ip, now=None):
    """The resident pressed the button of the confirmation mail."""
    if contribution.state != State.UNCONFIRMED:
        raise NotAllowed
    _confirmed(contribution, ip, now or timezone.now())


def _confirmed(contribution, ip, now):
    resident = contribution.resident
    if resident.confirmed_at is None:
        resident.confirmed_at = now
        resident.save(update_fields=["confirmed_at"])
    contribution.confirmed_at = now
    contribution.confirmed_from = ip
    route(contribution, now)


def review_reason(contribution):
    """Why a contribution must wait for a moderator, or "" when it need not."""
    kind = kind_of(contribution)
    text = kind.text(contribution).casefold()
    flagged = [word for word in ModerationSettings.load().words() if word in text]
    if flagged:
        return "words: " + ", ".join(flagged)
    known = (
        Contribution.objects.filter(resident=contribution.resident, published_at__isnull=False)
        .exclude(pk=contribution.pk)
        .exists()
    )
    trusted = contribution.resident.trusted or contribution.entered_by_id is not None
    if not known and not trusted and contribution.published_at is None:
        return "first contribution of this address"
    return ""


def route(contribution, now=None):
    """To review or straight to the public, after a confirmation or a change."""
    now = now or timezone.now()
    kind = kind_of(contribution)
    reason = (kind.approval or review_reason(contribution)) if kind.reviewed else ""
    if reason:
        _change(contribution, State.IN_REVIEW, now, review_reason=reason[:200])
        _mail_about(contribution, "in_review")
    else:
        _publish(contribution, now)


def _publish(contribution, now, user=None, action=None):
    kind = kind_of(contribution)
    if kind.on_publish:
        kind.on_publish(contribution, user)
    expires = contribution.expires_at
    if kind.expires:
        expires = kind.expires(contribution, now)
    elif expires is None or expires <= now:
        expires = now + timedelta(days=settings.PARTICIPATION_EXPIRY_DAYS)
    _change(
        contribution,
        State.PUBLISHED,
        now,
        user=user,
        action=action,
        published_at=contribution.published_at or now,
        expires_at=expires,
        reminded_at=None,
        review_reason="",
        reason="",
        hidden=False,
        claimed_by=None,
        claimed_until=None,
    )
    _mail_about(contribution, "published")


def _moderated(contribution, user, now):
    if contribution.claimed_by_other(user, now):
        raise NotAllowed
    Report.objects.filter(contribution=contribution, resolved_at__isnull=True).update(resolved_at=now)
    return {"moderated_by": user, "moderated_at": now, "claimed_by": None, "claimed_until": None}


def approve(contribution, user, now=None):
    now = now or timezone.now()
    if contribution.state not in (State.IN_REVIEW, *PUBLIC_STATES):
        raise NotAllowed
    fields = _moderated(contribution, user, now)
    if contribution.state in PUBLIC_STATES:
        # A reported item found fine: shown again, as it was.
        _change(contribution, contribution.state, now, user=user, action="approve", hidden=False, **fields)
        return
    contribution.moderated_by, contribution.moderated_at = fields["moderated_by"], fields["moderated_at"]
    _publish(contribution, now, user=user, action="approve")


def return_with_reason(contribution, user, reason, now=None):
    """Back to the resident, who changes it and sends it again from their page."""
    _decide(contribution, user, reason, State.RETURNED, "return", now)


def reject(contribution, user, reason, now=None):
    _decide(contribution, user, reason, State.REJECTED, "reject", now)


def _decide(contribution, user, reason, state, action, now):
    now = now or timezone.now()
    if contribution.state not in (State.IN_REVIEW, *PUBLIC_STATES) or not reason.strip():
        raise NotAllowed
    fields = _moderated(contribution, user, now)
    _change(contribution, state, now, user=user, action=action, reason=reason.strip(), hidden=False, **fields)
    _mail_about(contribution, action)


def claim(contribution, user, now=None):
    """Take an item for review, so that two moderators do not both review it. One
    conditional UPDATE: of two moderators pressing at once, one gets it. The claim
    lasts half an hour; True when the item is this user's now."""
    now = now or timezone.now()
    free = Q(claimed_by__isnull=True) | Q(claimed_until__lte=now) | Q(claimed_by=user)
    return bool(
        Contribution.objects.filter(free, pk=contribution.pk).update(
            claimed_by=user, claimed_until=now + timedelta(minutes=CLAIM_MINUTES)
        )
    )


# What the resident does on their own page.

RESIDENT_MARKS = {
    State.RESERVED: (State.PUBLISHED,),
    State.DONE: (State.PUBLISHED, State.RESERVED),
    State.PUBLISHED: (State.RESERVED,),
}


def mark(contribution, state, now=None):
    """Reserved, given away or found, or available again: the resident's own word, so
    no mail."""
    now = now or timezone.now()
    allowed = [value for value, _label in kind_of(contribution).marks]
    if state not in allowed or contribution.state not in RESIDENT_MARKS.get(state, ()):
        raise NotAllowed
    _change(contribution, state, now)


def extend(contribution, now=None):
    """Another term from today (or from the end of the current one), also for an item
    that expired and is not deleted yet."""
    now = now or timezone.now()
    if contribution.state not in (*PUBLIC_STATES, State.EXPIRED) or not kind_of(contribution).extendable:
        raise NotAllowed
    start = max(contribution.expires_at or now, now)
    state = State.PUBLISHED if contribution.state == State.EXPIRED else contribution.state
    _change(
        contribution,
        state,
        now,
        expires_at=start + timedelta(days=settings.PARTICIPATION_EXPIRY_DAYS),
        reminded_at=None,
    )


def withdraw(contribution, now=None):
    if contribution.state in (State.WITHDRAWN, State.REJECTED):
        raise NotAllowed
    _change(contribution, State.WITHDRAWN, now or timezone.now())


def changed(contribution, now=None):
    """The resident changed an item: a returned one goes back to review; a public one
    stays public unless the change needs a review (words on the list)."""
    now = now or timezone.now()
    if contribution.state == State.RETURNED:
        _change(contribution, State.IN_REVIEW, now, review_reason="changed after being returned")
        _mail_about(contribution, "in_review")
    elif contribution.state in PUBLIC_STATES and kind_of(contribution).review_changes:
        _change(contribution, State.IN_REVIEW, now, review_reason="changed after publication")
        _mail_about(contribution, "in_review")
    elif contribution.state in PUBLIC_STATES and (reason := review_reason(contribution)):
        _change(contribution, State.IN_REVIEW, now, review_reason=reason[:200])
        _mail_about(contribution, "in_review")
    elif contribution.state in (State.IN_REVIEW, *PUBLIC_STATES):
        contribution.save()
    else:
        raise NotAllowed


def report(contribution, reason, note, reporter):
    """One report per reporter and item; with enough different reporters the item is
    hidden until a moderator looks at it. True when this report was new."""
    if contribution.state not in PUBLIC_STATES:
        return False
    with transaction.atomic():
        _report, created = Report.objects.get_or_create(
            contribution=contribution, reporter=reporter, resolved_at=None, defaults={"reason": reason, "note": note}
        )
        open_reports = Report.objects.filter(contribution=contribution, resolved_at__isnull=True).count()
        if created and open_reports >= settings.PARTICIPATION_REPORTS_TO_HIDE and not contribution.hidden:
            Contribution.objects.filter(pk=contribution.pk).update(hidden=True)
            # An UPDATE sends no signal: the lists residents see change now.
            invalidate()
    return created


# The schedule (settings.PERIODIC_TASKS): reminders, expiry, deletion.


def remind_due(now=None):
    """A reminder a few days before the end, with the link to extend; once per term."""
    now = now or timezone.now()
    soon = now + timedelta(days=settings.PARTICIPATION_REMIND_DAYS_BEFORE)
    due = Contribution.objects.filter(
        state__in=PUBLIC_STATES,
        expires_at__gt=now,
        expires_at__lte=soon,
        reminded_at__isnull=True,
        kind__in=[kind.key for kind in all_kinds().values() if kind.reminds],
    ).select_related("resident")
    count = 0
    for contribution in due:
        # Claimed by the update, so that two workers send one reminder.
        if Contribution.objects.filter(pk=contribution.pk, reminded_at__isnull=True).update(reminded_at=now):
            _mail_about(contribution, "reminder")
            count += 1
    return count


def expire_due(now=None):
    now = now or timezone.now()
    due = Contribution.objects.filter(state__in=PUBLIC_STATES, expires_at__lte=now).select_related("resident")
    count = 0
    for contribution in due:
        if Contribution.objects.filter(pk=contribution.pk, state=contribution.state).update(
            state=State.EXPIRED, state_changed_at=now
        ):
            contribution.state = State.EXPIRED
            if kind_of(contribution).reminds:
                _mail_about(contribution, "expired")
            count += 1
    if count:
        invalidate()  # ended by UPDATE, which sends no signal
    return count


def delete_old(now=None):
    """Contributions that ended longer ago than the retention period, unconfirmed ones
    after the confirmation period, and residents left with nothing."""
    now = now or timezone.now()
    ended = Contribution.objects.filter(
        state__in=(State.EXPIRED, State.WITHDRAWN, State.REJECTED, State.DONE, State.RETURNED),
        state_changed_at__lt=now - timedelta(days=settings.PARTICIPATION_RETENTION_DAYS),
    )
    unconfirmed = Contribution.objects.filter(
        state=State.UNCONFIRMED, created_at__lt=now - timedelta(days=settings.PARTICIPATION_CONFIRM_DAYS)
    )
    deleted = _delete(ended) + _delete(unconfirmed)
    left_alone = Resident.objects.filter(
        contributions__isnull=True, created_at__lt=now - timedelta(days=settings.PARTICIPATION_CONFIRM_DAYS)
    )
    left_alone.delete()
    return deleted


def _delete(contributions):
    """Delete through each kind's model, one query per kind, so that the kind's own rows
    (and its files) go too; returns how many."""
    wanted = {}
    for key, pk in contributions.values_list("kind", "pk"):
        wanted.setdefault(key, []).append(pk)
    kinds = all_kinds()
    for key, pks in wanted.items():
        kinds[key].model.objects.filter(pk__in=pks).delete()
    return sum(len(pks) for pks in wanted.values())


def delete_resident(resident):
    """Everything of one resident: their contributions (through each kind's model, so
    that photos go too), the mails to them, and the resident."""
    _delete(resident.contributions.all())
    if resident.email:
        from core.models import OutgoingMail

        OutgoingMail.objects.filter(to__iexact=resident.email).delete()
    resident.delete()
