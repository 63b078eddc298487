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

from .admin_views import onboard_club_view
from .models import ClubPage
from .permissions import can_onboard, choosable_pages


@hooks.register("register_admin_urls")
def onboarding_urls():
    return [path("clubs/onboard/", onboard_club_view, name="clubs_onboard_club")]


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
