"""The rooms in the admin: houses, rooms and group times as snippets, the approvers'
inbox, the room request as a kind of contribution, and its place in the personal-data
register and in "needs attention"."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.urls import include, path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.attention import AttentionItem
from core.page_cache import invalidate
from core.personal_data import PersonalDataSource, by_email_or_phone
from participation.models import State

from .admin_views import approves_any
from .booking import SKIP_REASONS, place_group_time
from .forms_admin import HouseForm
from .kind import describe, room_kind
from .models import GroupTime, House, Room, RoomRequest

hooks.register("quartier_contribution_kinds", room_kind)


class HouseViewSet(SnippetViewSet):
    model = House
    icon = "home"
    menu_label = gettext_lazy("Houses")
    list_display = ["name", "town"]
    sort_order_field = "sort_order"
    # The house's panels with the form that shows the open weekdays as checkboxes.
    edit_handler = ObjectList(House.panels, base_form_class=HouseForm)


class RoomViewSet(SnippetViewSet):
    model = Room
    icon = "placeholder"
    menu_label = gettext_lazy("Rooms")
    list_display = ["name", "house", "capacity"]
    list_filter = ["house"]
    sort_order_field = "sort_order"


class GroupTimeViewSet(SnippetViewSet):
    model = GroupTime
    icon = "date"
    menu_label = gettext_lazy("Group times")
    list_display = ["group", "room", "first_day", "last_day", "starts", "ends"]


class RoomsGroup(SnippetViewSetGroup):
    items = (HouseViewSet, RoomViewSet, GroupTimeViewSet)
    menu_icon = "home"
    menu_label = gettext_lazy("Community rooms")
    menu_name = "rooms"
    menu_order = 260


register_snippet(RoomsGroup)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def place_saved_group_time(request, instance):
    if not isinstance(instance, GroupTime):
        return
    skipped = place_group_time(instance)
    invalidate()
    if skipped:
        messages.warning(
            request,
            _("Left out: %(dates)s")
            % {"dates": "; ".join(f"{entry['date']} ({SKIP_REASONS[entry['why']]})" for entry in skipped)},
        )


@hooks.register("register_admin_urls")
def room_urls():
    return [path("rooms/requests/", include("rooms.admin_urls", namespace="rooms_admin"))]


class InboxMenuItem(MenuItem):
    def is_shown(self, request):
        return approves_any(request.user)


@hooks.register("register_admin_menu_item")
def inbox_menu_item():
    return InboxMenuItem(
        gettext_lazy("Room requests"),
        reverse_lazy("rooms_admin:inbox"),
        icon_name="tasks",
        order=259,
        name="room-requests",
    )


@hooks.register("quartier_personal_data")
def room_requests_as_personal_data():
    def find(email, phone):
        requests = RoomRequest.objects.none()
        if email:
            requests = RoomRequest.objects.filter(resident__email__iexact=email)
        if phone:
            requests = requests | RoomRequest.objects.filter(
                pk__in=by_email_or_phone(RoomRequest, "", phone).values("pk")
            )
        return requests.select_related("room__house", "rules_version")

    return PersonalDataSource(
        label="room_requests",
        find=find,
        describe=describe,
        title=gettext_lazy("Requests for a community room"),
        purpose=gettext_lazy(
            "Your e-mail address, the phone number you gave, the dates, what the room is for, your club or "
            "group, and when you accepted which house rules and fee: to decide on the request and to reach you. "
            "Only the house's approvers see them."
        ),
        retention=gettext_lazy("Deleted %(days)s days after the last date, or after a refusal or withdrawal.")
        % {"days": settings.PARTICIPATION_RETENTION_DAYS},
    )


@hooks.register("quartier_needs_attention")
def requests_waiting_long():
    waiting = RoomRequest.objects.filter(
        state=State.IN_REVIEW, state_changed_at__lt=timezone.now() - timedelta(days=3)
    ).select_related("room__house")
    for item in waiting:
        yield AttentionItem(
            title=f"{_('Room request')} {item.code}: {item.room.house}",
            reason=_("Waiting for a decision for more than three days"),
            edit_url=reverse("rooms_admin:decide", args=[item.pk]),
            kind=_("Room request"),
            since=timezone.localtime(item.state_changed_at).date(),
        )
