"""The Quartiersbrief in the admin and the site-wide registers: its kind of
contribution, the send buttons of an issue, the personal-data register and the
editors' to-do list (addresses paused after failed mails)."""

from django.conf import settings
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import Button, ListingButton

from core.attention import AttentionItem
from core.personal_data import PersonalDataSource
from participation.models import State

from .kind import subscription_kind
from .models import LetterIssuePage, Subscription


@hooks.register("quartier_contribution_kinds")
def letter_kind():
    return subscription_kind()


@hooks.register("register_admin_urls")
def letter_urls():
    return [path("letters/", include("letters.admin_urls", namespace="letters_admin"))]


def _send_buttons(page, user, button_class):
    if page.specific_class is not LetterIssuePage or not page.permissions_for_user(user).can_publish():
        return
    yield button_class(_("Send …"), reverse("letters_admin:send", args=[page.pk]), icon_name="mail", priority=5)


@hooks.register("register_page_header_buttons")
def issue_header_buttons(page, user, view_name, next_url=None):
    yield from _send_buttons(page, user, Button)


@hooks.register("register_page_listing_more_buttons")
def issue_listing_buttons(page, user, next_url=None):
    yield from _send_buttons(page, user, ListingButton)


@hooks.register("quartier_personal_data")
def subscriptions_as_personal_data():
    from .kind import describe

    def find(email, phone):
        return Subscription.objects.filter(resident__email__iexact=email) if email else Subscription.objects.none()

    def describe_with_consent(subscription):
        return {
            "state": subscription.state,
            "consent": subscription.consent_text,
            "consent_given": subscription.consented_at.isoformat() if subscription.consented_at else None,
            "confirmed": subscription.confirmed_at.isoformat() if subscription.confirmed_at else None,
            "confirmed_from": subscription.confirmed_from,
            **describe(subscription),
        }

    return PersonalDataSource(
        label="quartiersbrief",
        find=find,
        describe=describe_with_consent,
        title=_("The Quartiersbrief"),
        purpose=_(
            "Your e-mail address, language, topics and how often, and the proof of your consent (its words, "
            "when you agreed and confirmed, and from which internet address), to send you the Quartiersbrief."
        ),
        retention=_(
            "Until you unsubscribe (a link in every mail); then the proof of consent is kept %(days)s days "
            "and deleted. Unconfirmed sign-ups are deleted after %(confirm)s days."
        )
        % {
            "days": settings.PARTICIPATION_RETENTION_DAYS,
            "confirm": settings.PARTICIPATION_CONFIRM_DAYS,
        },
    )


@hooks.register("quartier_needs_attention")
def paused_addresses():
    paused = Subscription.objects.filter(state=State.PUBLISHED, paused_at__isnull=False).only(
        "pk", "code", "paused_at", "pause_reason"
    )
    for subscription in paused:
        yield AttentionItem(
            title=f"{_('Quartiersbrief subscription')} {subscription.code}",
            reason=_("Paused: the mail server refused the address (%(error)s)")
            % {"error": subscription.pause_reason[:120]},
            edit_url=reverse("participation_admin:detail", args=[subscription.pk]),
            kind=_("Quartiersbrief"),
            since=timezone.localtime(subscription.paused_at).date(),
        )
