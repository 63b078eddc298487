"""Clubs in the admin: "Onboard a club", club pages past their review date under
"Needs attention", and the page chooser of club accounts."""

from django.urls import path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import GroupPagePermission

from core.attention import AttentionItem

from .admin_views import clubs_of, interests_view, mark_interest_view, onboard_club_view
from .models import ClubPage
from .permissions import can_onboard, choosable_pages


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


@hooks.register("construct_page_chooser_queryset")
def club_accounts_choose_live_pages_or_their_own(pages, request):
    return choosable_pages(pages, request.user)
