"""The room request as a kind of contribution (participation/kinds.py): confirmed with
the button like every contribution, always decided by the house's approvers, ended
when its last date is over."""

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.locales import page_in_default_language
from participation.kinds import ContributionKind
from participation.models import State

from .models import Booking, RoomRequest, RoomsPage


def rooms_page():
    return page_in_default_language(RoomsPage)


def _request(contribution):
    return (
        contribution
        if isinstance(contribution, RoomRequest)
        else RoomRequest.objects.select_related("room__house").get(pk=contribution.pk)
    )


def room_url(contribution):
    """The room's page, in the requester's language: where they see its week."""
    page = rooms_page()
    room_request = _request(contribution)
    return page.room_url(room_request.room, language=room_request.language) if page else ""


def addresses(requests, token):
    page = rooms_page()
    if page is None:
        return {}
    return {item.pk: (page.room_url(item.room, language=item.language), "") for item in requests}


def new_url(token):
    page = rooms_page()
    return page.url if page else ""


def describe(contribution):
    room_request = _request(contribution)
    return {
        "room": str(room_request.room),
        "first_date": [
            timezone.localtime(room_request.starts_at).isoformat(),
            timezone.localtime(room_request.ends_at).isoformat(),
        ],
        "repeats": room_request.repeat,
        "repeats_until": room_request.repeat_until.isoformat() if room_request.repeat_until else None,
        "what_for": room_request.purpose,
        "expected_people": room_request.people,
        "open_to_the_public": room_request.public,
        "asking_as": room_request.requester_kind,
        "club_or_group": room_request.organiser,
        "phone": room_request.phone,
        "house_rules_version": room_request.rules_version.number,
        "house_rules_accepted_at": room_request.rules_accepted_at.isoformat(),
        "fee_accepted": room_request.fee_accepted,
        "dates": [
            [timezone.localtime(b.starts_at).isoformat(), timezone.localtime(b.ends_at).isoformat()]
            for b in room_request.bookings.all()
        ],
        "dates_left_out": room_request.skipped,
    }


def text(contribution):
    room_request = _request(contribution)
    return "\n".join((room_request.title, room_request.purpose, room_request.organiser))


def status(contribution):
    state = contribution.state
    if state == State.IN_REVIEW:
        return _("Waiting for the house's decision; the time is held for you.")
    if state == State.PUBLISHED:
        return _("Approved: the room is booked for you.")
    if state == State.REJECTED:
        return _("Declined")
    if state == State.EXPIRED:
        return _("Over")
    return contribution.get_state_display()


def confirm_bookings(contribution, user):
    """Approved: the held times become bookings, shown with the title when public, and a
    public request becomes an event in the calendar."""
    from .calendar import publish_event

    room_request = _request(contribution)
    Booking.objects.filter(request=room_request).update(
        confirmed=True, public_title=room_request.title if room_request.public else ""
    )
    if room_request.public:
        publish_event(room_request, user)


def release(contribution):
    """Refused or withdrawn: the times still to come are free again, and a public
    request's event leaves the calendar."""
    from .calendar import unpublish_event

    room_request = _request(contribution)
    Booking.objects.filter(request=room_request, ends_at__gt=timezone.now()).delete()
    unpublish_event(room_request)


def ends(contribution, now):
    """A request is over with its last date."""
    last = Booking.objects.filter(request_id=contribution.pk).aggregate(last=Max("ends_at"))["last"]
    return max(last or contribution.ends_at, now)


def decision_url(contribution):
    return reverse("rooms_admin:decide", args=[contribution.pk])


def room_kind():
    return ContributionKind(
        key="room",
        label=_("Room request"),
        model=RoomRequest,
        moderate_permission="rooms.approve_every_house",
        own_permission_only=True,
        public_url=lambda contribution: "",
        describe=describe,
        text=text,
        admin_template="rooms/admin/request_summary.html",
        new_url=new_url,
        addresses=addresses,
        on_publish=confirm_bookings,
        on_end=release,
        expires=ends,
        reminds=False,
        approval="the house decides on every request",
        decision_url=decision_url,
        status=status,
        related=("room__house", "rules_version"),
        mail_templates={
            "confirm": "rooms/emails/confirm",
            "in_review": "rooms/emails/in_review",
            "published": "rooms/emails/approved",
            "reject": "rooms/emails/declined",
        },
    )
