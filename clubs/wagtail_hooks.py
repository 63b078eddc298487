"""Clubs in the admin: "Onboard a club", club pages past their review date under
"Needs attention", and the page chooser and bulk actions of club accounts."""

from django.urls import path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
from wagtail.models import GroupPagePermission
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.attention import AttentionItem, is_editor

from .admin_views import clubs_of, interests_view, mark_interest_view, onboard_club_view
from .models import ClubPage
from .permissions import can_onboard, choosable_pages, hiding_unreachable_pages


@hooks.register("register_admin_urls")
def onboarding_urls():
    return [
        path("clubs/onboard/", onboard_club_view, name="clubs_onboard_club"),
        path("volunteering/", interests_view, name="clubs_interests"),
        path("volunteering/<int:pk>/mark/", mark_interest_view, name="clubs_mark_interest"),
    ]


class InterestsMenuItem(MenuItem):
    def is_shown(self, request):
        return clubs_of(request.user).exists()


@hooks.register("register_admin_menu_item")
def interests_menu_item():
    return InterestsMenuItem(
        _("Volunteering interests"), reverse_lazy("clubs_interests"), icon_name="group", order=260, name="interests"
    )


@hooks.register("quartier_contribution_kinds")
def volunteering_interests():
    from .interests import interest_kind

    return interest_kind()


@hooks.register("quartier_needs_attention")
def volunteering_needing_attention():
    """Interests a club has not answered within VOLUNTEER_ANSWER_DAYS, and roles past
    their "valid until" day, also mailed to the club's accounts."""
    from .interests import unanswered
    from .models import VolunteerRole

    today = timezone.localdate()
    items = list(unanswered().select_related("club"))
    roles = list(VolunteerRole.objects.filter(is_open=True, valid_until__lt=today).select_related("page"))
    pages = {item.club_id for item in items} | {role.page_id for role in roles}
    owners = {}
    for page_id, email in GroupPagePermission.objects.filter(page__in=pages).values_list(
        "page_id", "group__user__email"
    ):
        if email:
            owners.setdefault(page_id, set()).add(email)
    for item in items:
        yield AttentionItem(
            title=f"{item.title} ({item.club_name})",
            reason=_("Someone offered to help and has not heard back"),
            edit_url=reverse("clubs_interests"),
            kind=_("Volunteering interest"),
            since=timezone.localtime(item.published_at).date(),
            owner_emails=tuple(sorted(owners.get(item.club_id, ()))),
        )
    for role in roles:
        yield AttentionItem(
            title=f"{role.title} ({role.page.title})",
            reason=_("The volunteer role is past its “valid until” day: renew or close it"),
            edit_url=reverse("wagtailadmin_pages:edit", args=[role.page_id]),
            kind=_("Volunteer role"),
            since=role.valid_until,
            owner_emails=tuple(sorted(owners.get(role.page_id, ()))),
        )


class OnboardMenuItem(MenuItem):
    def is_shown(self, request):
        return can_onboard(request.user)


@hooks.register("register_admin_menu_item")
def onboarding_menu_item():
    return OnboardMenuItem(
        _("Onboard a club"), reverse_lazy("clubs_onboard_club"), icon_name="group", order=310, name="onboard-club"
    )


@hooks.register("quartier_needs_attention")
def clubs_needing_attention():
    """Club pages past their "review by" date, also mailed to the club's accounts."""
    pages = list(ClubPage.objects.filter(review_by__lt=timezone.localdate()).only("pk", "title", "review_by"))
    owners = {}
    for page_id, email in GroupPagePermission.objects.filter(page__in=[p.pk for p in pages]).values_list(
        "page_id", "group__user__email"
    ):
        if email:
            owners.setdefault(page_id, set()).add(email)
    for page in pages:
        yield AttentionItem(
            title=page.title,
            reason=_("Review was due on %(date)s") % {"date": date_format(page.review_by)},
            edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
            kind=_("Club page"),
            since=page.review_by,
            owner_emails=tuple(sorted(owners.get(page.pk, ()))),
        )


class YourClubPanel(Component):
    """Dashboard panel of a club account: its page and events one click away. Without
    it a volunteer logs in to a page count and a search field and has to find the
    club page in the page tree first."""

    name = "your_club"
    template_name = "clubs/admin/your_club_panel.html"
    order = 40  # above "Needs attention": this is what a club account came for

    def __init__(self, clubs):
        self.clubs = clubs

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["clubs"] = self.clubs
        context["heading"] = ngettext("Your club", "Your clubs", len(self.clubs))
        return context


@hooks.register("construct_homepage_panels")
def add_your_club_panel(request, panels):
    if is_editor(request.user):
        return
    from news.models import EventPage

    editable = PagePermissionPolicy().instances_user_has_any_permission_for(request.user, ["change"])
    clubs = list(ClubPage.objects.filter(pk__in=editable.values("pk")).order_by("title"))
    if not clubs:
        return

    by_path = {club.path: club for club in clubs}
    for club in clubs:
        club.events = []
    events = EventPage.objects.none()
    for club in clubs:
        events |= EventPage.objects.child_of(club)
    for event in events.order_by("-latest_revision_created_at")[:50]:
        by_path[event.path[: -EventPage.steplen]].events.append(event)
    panels.append(YourClubPanel(clubs))


@hooks.register("construct_reports_menu")
def reports_for_editors_only(request, menu_items):
    """The reports (workflows, site history, aging pages, translations) are the
    editors' tools; to a club or provider account they list nothing it may act on."""
    if not is_editor(request.user):
        menu_items.clear()


@hooks.register("construct_page_chooser_queryset")
def club_accounts_choose_live_pages_or_their_own(pages, request):
    return choosable_pages(pages, request.user)


# Registered after Wagtail's own (order 1), so that they replace them in the registry.
for page_bulk_action in (DeleteBulkAction, MoveBulkAction, PublishBulkAction, UnpublishBulkAction):
    hooks.register("register_bulk_action", hiding_unreachable_pages(page_bulk_action), order=1)
