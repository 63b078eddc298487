"""Sending the Quartiersbrief: an issue to every confirmed subscriber, digests to those
who chose weekly or monthly topics.

Every mail goes through the outbox (core/outbox.py) under a key of issue (or digest
day) and subscription, so an address gets one mail per issue however often a worker
retries; the outbox's claim keeps two workers from sending one row twice. A mail is
rendered once per language and the subscriber's own unsubscribe address put in, so
5,000 recipients are not 5,000 template renderings."""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines

from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from core import outbox
from core.addresses import absolute
from core.locales import in_reader_language, request_locales
from core.models import OutgoingMail
from core.page_cache import invalidate
from participation.models import State

from .content import ITEMS_PER_TOPIC, new_items, newer_than
from .models import Frequency, LetterIssuePage, Subscription, Topic

UNSUBSCRIBE_SALT = "letters.unsubscribe"
# Put in for each recipient after rendering once per language.
UNSUBSCRIBE_PLACEHOLDER = "https://unsubscribe.invalid/"
BATCH = 500


# The unsubscribe link: valid as long as the subscription exists, so that a mail from
# last year still stops the letter; using it twice does what it did once.


def unsubscribe_token(subscription):
    return signing.dumps(subscription.pk, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token):
    """The subscription's id, or None for a forged or cut-off token."""
    try:
        value = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return value if isinstance(value, int) else None


def unsubscribe_url(subscription):
    with translation.override(subscription.language):
        return absolute(reverse("letters:unsubscribe", args=[unsubscribe_token(subscription)]))


def list_headers(url):
    """RFC 2369 and RFC 8058: mail programs show an "unsubscribe" button that POSTs to
    the address without a cookie or a form."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str

    def for_recipient(self, url):
        return self.text.replace(UNSUBSCRIBE_PLACEHOLDER, url), self.html.replace(UNSUBSCRIBE_PLACEHOLDER, url)


def _render(template, context, language, subject):
    context = {"site_name": settings.WAGTAIL_SITE_NAME, "language": language, **context}
    with translation.override(language):
        context["direction"] = "rtl" if translation.get_language_bidi() else "ltr"
        html = render_to_string(f"letters/emails/{template}.html", context)
        text = normalize_newlines(render_to_string(f"letters/emails/{template}.txt", context))
    return Rendered(subject=" ".join(str(subject).split())[:300], text=text, html=html)


# An issue.


@dataclass(frozen=True)
class IssueItem:
    title: str
    text: str
    url: str
    language: str


def issue_items(stream, language):
    """The pages of an issue's section, each in the reader's language where translated;
    a few queries whatever the number of items (one per page type)."""
    chosen = [(block.value["page"], block.value["note"]) for block in stream if block.value["page"] is not None]
    keys = [page.translation_key for page, _note in chosen]
    live = (
        Page.objects.live()
        .filter(Q(locale__language_code=language) | Q(pk__in=[page.pk for page, _note in chosen]))
        .filter(translation_key__in=keys)
        .specific()
    )
    originals, translations = {}, {}
    codes = request_locales()
    for page in live:
        page.language = codes.code_of(page.locale_id)
        if page.language == language:
            translations[page.translation_key] = page
        originals[page.pk] = page
    items = []
    for page, note in chosen:
        shown = translations.get(page.translation_key) or originals.get(page.pk)
        if shown is None:
            continue  # unpublished since it was chosen
        text = note or getattr(shown, "teaser", "") or getattr(shown, "summary", "") or shown.search_description
        items.append(IssueItem(shown.title, text, absolute(in_reader_language(shown.url, language)), shown.language))
    return items


def issue_in(page, language):
    """The issue's translation into `language` where one is live, else the issue; the
    issue itself in its own language (a preview or a test shows the unpublished text)."""
    if page.locale.language_code == language:
        return page
    return (
        LetterIssuePage.objects.live()
        .filter(translation_key=page.translation_key, locale__language_code=language)
        .first()
        or page
    )


def render_issue(page, language, unsubscribe=UNSUBSCRIBE_PLACEHOLDER):
    issue = issue_in(page, language)
    # Links to the site's own pages are written as paths; a mail needs whole addresses.
    intro = expand_db_html(issue.intro).replace('href="/', f'href="{settings.BASE_URL}/')
    web_url = absolute(in_reader_language(issue.url, language)) if issue.url else ""
    context = {
        "issue": issue,
        "content_language": issue.locale.language_code,
        "intro_html": intro,
        "intro_text": strip_tags(intro.replace("</p>", "</p>\n\n").replace("<li>", "<li>- ")).strip(),
        "highlights": issue_items(issue.highlights, language),
        "whats_new": issue_items(issue.whats_new, language),
        "web_url": web_url,
        "unsubscribe_url": unsubscribe,
    }
    return _render("issue", context, language, issue.title)


def recipients():
    """Who gets mail: confirmed, not stopped, not paused after failures."""
    return Subscription.objects.filter(
        state=State.PUBLISHED, paused_at__isnull=True, resident__email__isnull=False
    ).select_related("resident")


def start_sending(page, user, now=None):
    """Mark the issue as sent (once: a second click or a second editor changes
    nothing) and leave the mails to the worker; True when this call started it."""
    from .tasks import queue_issue_task

    now = now or timezone.now()
    count = recipients().count()
    started = LetterIssuePage.objects.filter(pk=page.pk, sent_at__isnull=True).update(
        sent_at=now, sent_by=user, recipients=count
    )
    if started:
        # The archive lists sent issues, and an UPDATE sends no signal.
        invalidate()
        transaction.on_commit(lambda: queue_issue_task.enqueue(page.pk))
    return bool(started)


def queue_issue(page_pk):
    """One outbox row per subscriber, in batches; returns how many were new. Safe to
    run twice: the key makes a second row for the same address impossible."""
    page = LetterIssuePage.objects.get(pk=page_pk)
    rendered = {}
    queued = 0
    batch = []
    for subscription in recipients().order_by("pk").iterator(chunk_size=BATCH):
        language = subscription.language
        if language not in rendered:
            rendered[language] = render_issue(page, language)
        batch.append(_mail(rendered[language], subscription, f"letters.issue:{page.pk}:{subscription.pk}"))
        if len(batch) >= BATCH:
            queued += _store(batch)
            batch = []
    queued += _store(batch)
    return queued


def _mail(rendered, subscription, key):
    url = unsubscribe_url(subscription)
    text, html = rendered.for_recipient(url)
    return OutgoingMail(
        to=subscription.resident.email,
        subject=rendered.subject,
        body=text,
        html=html,
        headers=list_headers(url),
        purpose="letters.issue" if key.startswith("letters.issue") else "letters.digest",
        key=key,
    )


def _store(mails):
    if not mails:
        return 0
    keys = [mail.key for mail in mails]
    before = OutgoingMail.objects.filter(key__in=keys).count()
    OutgoingMail.objects.bulk_create(mails, ignore_conflicts=True)
    return OutgoingMail.objects.filter(key__in=keys).count() - before


def send_queued(seconds=240):
    """Send what is due, batch after batch, for at most `seconds`; True when mails are
    left for the next run."""
    started = timezone.now()
    while (timezone.now() - started).total_seconds() < seconds:
        sent, failed = outbox.send_due(limit=200)
        if not sent and not failed:
            return False
    return True


def delivery_counts(page):
    """{state: count} of an issue's mails, while the outbox keeps them."""
    from django.db.models import Count

    rows = (
        OutgoingMail.objects.filter(key__startswith=f"letters.issue:{page.pk}:")
        .values("state")
        .annotate(count=Count("pk"))
    )
    return {row["state"]: row["count"] for row in rows}


# Digests.


def due_frequencies(today):
    """Weekly digests go out on Mondays, monthly ones on the 1st."""
    due = []
    if today.weekday() == 0:
        due.append(Frequency.WEEKLY)
    if today.day == 1:
        due.append(Frequency.MONTHLY)
    return due


def _since(subscription):
    return subscription.last_digest_at or subscription.published_at or subscription.confirmed_at


def send_digests(now=None):
    """The digests due today, each with what is new in the subscriber's topics since
    their last one; nobody gets an empty one. Returns how many were queued."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    subscriptions = [
        subscription
        for subscription in recipients().filter(frequency__in=due_frequencies(today))
        if _since(subscription) is not None
    ]
    by_language = {}
    for subscription in subscriptions:
        by_language.setdefault(subscription.language, []).append(subscription)
    queued = 0
    for language, group in by_language.items():
        topics = {topic for subscription in group for topic in subscription.topics}
        everything = new_items(topics, language, min(_since(s) for s in group), now)
        for subscription in group:
            since = _since(subscription)
            picked = newer_than(
                {topic: everything.get(topic, []) for topic in subscription.topics}, since, subscription.categories
            )
            if not picked:
                continue
            # Claimed by the update, so that a second worker or a rerun sends nothing.
            if not Subscription.objects.filter(pk=subscription.pk, last_digest_at=subscription.last_digest_at).update(
                last_digest_at=now
            ):
                continue
            rendered = render_digest(picked, language, since)
            queued += _store([_mail(rendered, subscription, f"letters.digest:{subscription.pk}:{today.isoformat()}")])
    if queued:
        transaction.on_commit(_send_soon)
    return queued


def _send_soon():
    from .tasks import send_letters_task

    send_letters_task.enqueue()


def render_digest(items_by_topic, language, since):
    sections = [
        {
            "label": Topic(topic).label,
            "items": items[:ITEMS_PER_TOPIC],
            "more": max(len(items) - ITEMS_PER_TOPIC, 0),
        }
        for topic, items in items_by_topic.items()
    ]
    with translation.override(language):
        subject = translation.gettext("What is new in the neighbourhood")
    context = {"sections": sections, "since": since, "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER}
    return _render("digest", context, language, f"{settings.WAGTAIL_SITE_NAME}: {subject}")


def pause_failed_address(mail):
    """The mail server refused a letter for good: no more letters to that address
    until the resident sets it going again (their settings) or an editor looks."""
    if not mail.purpose.startswith("letters."):
        return 0
    return Subscription.objects.filter(
        resident__email__iexact=mail.to, state=State.PUBLISHED, paused_at__isnull=True
    ).update(paused_at=timezone.now(), pause_reason=mail.last_error[:300])
