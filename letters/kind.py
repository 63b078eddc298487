"""The subscription as a kind of contribution (participation/kinds.py): confirmed with
the button like every contribution, never reviewed, never expiring; the resident
changes or stops it from their own page."""

from django.utils.translation import gettext_lazy as _

from core.locales import page_in_default_language
from participation.kinds import ContributionKind
from participation.models import State

from .models import LetterIndexPage, Subscription


def letter_page():
    return page_in_default_language(LetterIndexPage)


def _subscription(contribution):
    return contribution if isinstance(contribution, Subscription) else Subscription.objects.get(pk=contribution.pk)


def _preferences_url(page, token, contribution):
    # The token in the query string, as on the swap board: page routes take no dots.
    return (
        page.base_url_in(contribution.language)
        + page.reverse_subpage("preferences", args=[contribution.pk])
        + f"?von={token}"
    )


def preferences_url(token, contribution):
    page = letter_page()
    return _preferences_url(page, token, contribution) if page else ""


def addresses(subscriptions, token):
    """No public address; the settings of each, with the page looked up once."""
    page = letter_page()
    return {item.pk: ("", _preferences_url(page, token, item)) for item in subscriptions} if page else {}


def new_url(token):
    page = letter_page()
    return page.url + page.reverse_subpage("subscribe") + f"?von={token}" if page else ""


def describe(contribution):
    subscription = _subscription(contribution)
    return {
        "topics": subscription.topics,
        "categories": subscription.categories,
        "how_often": subscription.frequency,
        "language": subscription.language,
        "last_digest": subscription.last_digest_at.isoformat() if subscription.last_digest_at else None,
        "paused": subscription.paused_at.isoformat() if subscription.paused_at else None,
        "why_paused": subscription.pause_reason,
    }


def status(contribution):
    subscription = _subscription(contribution)
    if subscription.state == State.PUBLISHED:
        if subscription.paused_at:
            return _("Paused: mail to your address could not be delivered. Save your settings to start again.")
        return _("Subscribed: %(how_often)s") % {"how_often": subscription.get_frequency_display()}
    if subscription.state == State.WITHDRAWN:
        return _("Unsubscribed")
    return subscription.get_state_display()


def stop_earlier_subscriptions(contribution, user=None):
    """A resident has one subscription: confirming a new one ends the one before."""
    from participation import lifecycle

    earlier = Subscription.objects.filter(resident=contribution.resident, state=State.PUBLISHED).exclude(
        pk=contribution.pk
    )
    for subscription in earlier:
        lifecycle.withdraw(subscription)


def subscription_kind():
    return ContributionKind(
        key="letter",
        label=_("Quartiersbrief subscription"),
        model=Subscription,
        moderate_permission="letters.see_subscribers",
        own_permission_only=True,
        public_url=lambda contribution: "",
        describe=describe,
        text=lambda contribution: "",
        admin_template="letters/admin/subscription.html",
        edit_url=preferences_url,
        addresses=addresses,
        new_url=new_url,
        on_publish=stop_earlier_subscriptions,
        expires=lambda contribution, now: None,
        reminds=False,
        reviewed=False,
        status=status,
        mail_templates={"confirm": "letters/emails/confirm", "published": "letters/emails/subscribed"},
    )
