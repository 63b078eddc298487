"""The life cycle in the admin and in the site-wide registers: the moderation queue and
its menu entry, the actions of the audit log, the personal-data register, the
retention job and the editors' to-do list."""

from datetime import timedelta

from django.conf import settings
from django.urls import include, path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.attention import AttentionItem
from core.personal_data import PersonalDataSource

from .data import resident_data
from .kinds import all_kinds, moderated_by
from .models import Contribution, Resident


@hooks.register("register_admin_urls")
def moderation_urls():
    return [path("contributions/", include("participation.admin_urls", namespace="participation_admin"))]


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(moderated_by(request.user))


@hooks.register("register_admin_menu_item")
def moderation_menu_item():
    return ModerationMenuItem(
        _("Residents' contributions"),
        reverse_lazy("participation_admin:queue"),
        icon_name="tasks",
        order=250,
        name="contributions",
    )


@hooks.register("register_log_actions")
def life_cycle_actions(actions):
    actions.register_action("participation.approve", _("Approve contribution"), _("Approved"))
    actions.register_action("participation.return", _("Return contribution"), _("Returned with a reason"))
    actions.register_action("participation.reject", _("Refuse contribution"), _("Refused with a reason"))
    actions.register_action("participation.on_behalf", _("Enter on behalf"), _("Entered on a resident's behalf"))
    actions.register_action(
        "participation.office_change", _("Change on behalf"), _("Changed by the office on a resident's behalf")
    )


@hooks.register("quartier_personal_data")
def residents_as_personal_data():
    from core.personal_data import by_email_or_phone

    def find(email, phone):
        return by_email_or_phone(Resident, email, phone)

    return PersonalDataSource(
        label="residents",
        find=find,
        describe=resident_data,
        title=_("Your contributions (swap board and others)"),
        purpose=_(
            "Your e-mail address (never shown to others), what you posted, its state, when you agreed "
            "and confirmed, and from which internet address you confirmed (as proof of your consent). "
            "For posts the office entered for you: your name and phone number instead."
        ),
        retention=_(
            "A post ends after %(days)s days unless you extend it; ended posts are deleted after "
            "%(retention)s more days, unconfirmed ones after %(confirm)s days. You can delete "
            "everything at any time from your own page."
        )
        % {
            "days": settings.PARTICIPATION_EXPIRY_DAYS,
            "retention": settings.PARTICIPATION_RETENTION_DAYS,
            "confirm": settings.PARTICIPATION_CONFIRM_DAYS,
        },
    )


@hooks.register("quartier_retention")
def ended_contributions():
    from .lifecycle import delete_old

    return "ended contributions", delete_old()


@hooks.register("quartier_needs_attention")
def contributions_waiting():
    """Contributions waiting for review for more than a day."""
    kinds = all_kinds()
    waiting = Contribution.objects.for_review().filter(state_changed_at__lt=timezone.now() - timedelta(days=1))
    for contribution in waiting.only("pk", "kind", "code", "state_changed_at", "hidden"):
        kind = kinds.get(contribution.kind)
        yield AttentionItem(
            title=f"{kind.label if kind else contribution.kind} {contribution.code}",
            reason=_("Reported several times and hidden") if contribution.hidden else _("Waiting for review"),
            edit_url=reverse("participation_admin:detail", args=[contribution.pk]),
            kind=_("Contribution"),
            since=timezone.localtime(contribution.state_changed_at).date(),
        )
