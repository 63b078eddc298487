"""The approvers' side in the admin: an inbox of the requests for the houses one
approves, and the decision on one request (a series at once, with dates to leave out).

Who approves a house is its `approvers` group; "Can approve room requests of every
house" (and superusers) approve all. Anyone else meets a 403 for another house's
request, whatever address they type."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from participation import lifecycle
from participation.models import State

from .booking import skipped_entries
from .forms import DecisionForm
from .models import Booking, House, RoomRequest


def approvable_houses(user):
    """The (German) houses whose requests this user decides on."""
    houses = House.objects.filter(locale__language_code="de")
    if user.is_superuser or user.has_perm("rooms.approve_every_house"):
        return houses
    return houses.filter(approvers__in=user.groups.all())


def approves_any(user):
    return user.is_active and approvable_houses(user).exists()


def inbox(request):
    houses = list(
        approvable_houses(request.user).annotate(
            waiting=Count("rooms__requests", filter=Q(rooms__requests__state=State.IN_REVIEW))
        )
    )
    if not houses:
        raise PermissionDenied
    requests = (
        RoomRequest.objects.filter(room__house__in=houses)
        .filter(
            Q(state=State.IN_REVIEW)
            | Q(state=State.PUBLISHED, moderated_at__gte=timezone.now() - timezone.timedelta(days=30))
        )
        .select_related("room__house", "resident")
        .annotate(date_count=Count("bookings"))
        .order_by("state", "starts_at")
    )
    return TemplateResponse(
        request,
        "rooms/admin/inbox.html",
        {
            "houses": houses,
            "waiting": [item for item in requests if item.state == State.IN_REVIEW],
            "decided": [item for item in requests if item.state != State.IN_REVIEW],
        },
    )


def _request_for(user, pk):
    room_request = get_object_or_404(
        RoomRequest.objects.select_related("room__house", "resident", "rules_version"), pk=pk
    )
    if not approvable_houses(user).filter(pk=room_request.room.house_id).exists():
        raise PermissionDenied
    return room_request


def decide(request, pk):
    room_request = _request_for(request.user, pk)
    bookings = list(room_request.bookings.order_by("starts_at"))
    undecided = room_request.state == State.IN_REVIEW
    form = DecisionForm(request.POST or None, bookings=bookings)
    if request.method == "POST":
        if not undecided:
            messages.error(request, _("This request was decided already."))
            return redirect("rooms_admin:decide", pk)
        if not form.is_valid():
            return _decision_page(request, room_request, bookings, form, status=400)
        try:
            if request.POST.get("decision") == "decline":
                reason = form.cleaned_data["reason"].strip()
                if not reason:
                    form.add_error("reason", _("Please write the reason the requester will read."))
                    return _decision_page(request, room_request, bookings, form, status=400)
                lifecycle.reject(room_request, request.user, reason)
                messages.success(request, _("Declined; the requester gets a mail with your reason."))
            elif request.POST.get("decision") == "approve":
                keep = {int(pk) for pk in form.cleaned_data["keep"]}
                if not keep:
                    form.add_error("keep", _("Keep at least one date, or decline the request with a reason."))
                    return _decision_page(request, room_request, bookings, form, status=400)
                _approve(room_request, request.user, [b for b in bookings if b.pk not in keep])
                messages.success(request, _("Approved; the requester gets one mail with all dates."))
            else:
                return HttpResponseNotAllowed(["POST"])
        except lifecycle.NotAllowed:
            messages.error(request, _("This was not done: the request has changed meanwhile."))
            return redirect("rooms_admin:decide", pk)
        return redirect("rooms_admin:inbox")
    return _decision_page(request, room_request, bookings, form)


def _approve(room_request, user, left_out):
    """One decision for the whole series: the dates left out are freed and listed with
    the request, the others confirmed, and one mail goes out."""
    with transaction.atomic():
        if left_out:
            Booking.objects.filter(pk__in=[b.pk for b in left_out]).delete()
            room_request.skipped = sorted(
                room_request.skipped + skipped_entries([(b.starts_at, b.ends_at) for b in left_out], "left_out"),
                key=lambda entry: entry["date"],
            )
            RoomRequest.objects.filter(pk=room_request.pk).update(skipped=room_request.skipped)
        lifecycle.approve(room_request, user)


def _decision_page(request, room_request, bookings, form, status=200):
    return TemplateResponse(
        request,
        "rooms/admin/decide.html",
        {
            "item": room_request,
            "bookings": bookings,
            "form": form,
            "undecided": room_request.state == State.IN_REVIEW,
        },
        status=status,
    )
