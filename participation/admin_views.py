"""Moderation in the Wagtail admin: the queue of contributions, one item with its
reports and history, and the decisions (claim, approve, return or refuse with a
reason). Each user sees the kinds they may moderate (kinds.moderated_by): the swap
board's mentor sees the board and nothing else."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import ModelLogEntry

from . import lifecycle
from .forms import ReasonForm
from .kinds import moderated_by
from .models import PUBLIC_STATES, Contribution, Resident, State
from .views import MARK_ACTIONS

TABS = {
    "review": gettext_lazy("To review"),
    "public": gettext_lazy("Public"),
    "all": gettext_lazy("All"),
}


OFFICE_ACTIONS = {
    "reserved": lambda contribution: lifecycle.mark(contribution, State.RESERVED),
    "done": lambda contribution: lifecycle.mark(contribution, State.DONE),
    "available": lambda contribution: lifecycle.mark(contribution, State.PUBLISHED),
    "extend": lifecycle.extend,
    "withdraw": lifecycle.withdraw,
}


def _kinds_of(user):
    kinds = {kind.key: kind for kind in moderated_by(user)}
    if not kinds:
        raise PermissionDenied
    return kinds


def queue(request):
    kinds = _kinds_of(request.user)
    tab = request.GET.get("tab") if request.GET.get("tab") in TABS else "review"
    # One kind at a time on request (the swap board's, the event proposals), or all.
    kind = request.GET.get("kind") if request.GET.get("kind") in kinds else ""
    items = Contribution.objects.filter(kind__in=[kind] if kind else kinds).select_related("claimed_by")
    if tab == "review":
        items = items.for_review().order_by("state_changed_at")
    elif tab == "public":
        items = items.public().order_by("-published_at")
    else:
        items = items.order_by("-created_at")
    items = items.annotate(open_reports=Count("reports", filter=Q(reports__resolved_at__isnull=True)))
    page = Paginator(items, 50).get_page(request.GET.get("p"))
    for item in page:
        item.kind_label = kinds[item.kind].label
        item.claimed_by_someone_else = item.claimed_by_other(request.user)
    return TemplateResponse(
        request,
        "participation/admin/queue.html",
        {
            "page": page,
            "tab": tab,
            "tabs": TABS,
            "kind": kind,
            "kinds": [(key, entry.label) for key, entry in kinds.items()] if len(kinds) > 1 else [],
            "now": timezone.now(),
        },
    )


def _item(request, pk):
    kinds = _kinds_of(request.user)
    contribution = Contribution.objects.select_related("resident", "claimed_by", "moderated_by").filter(pk=pk).first()
    if contribution is None or contribution.kind not in kinds:
        raise Http404
    return contribution, kinds[contribution.kind]


def detail(request, pk):
    contribution, kind = _item(request, pk)
    item = kind.model.objects.filter(pk=pk).first()
    return TemplateResponse(
        request,
        "participation/admin/detail.html",
        {
            "contribution": contribution,
            "item": item,
            "kind": kind,
            "admin_template": kind.admin_template,
            "reports": list(contribution.reports.all()),
            "history": ModelLogEntry.objects.for_instance(Contribution(pk=pk))
            .select_related("user")
            .order_by("-timestamp"),
            "reason_form": ReasonForm(),
            "can_decide": contribution.state in (State.IN_REVIEW, *PUBLIC_STATES) and not kind.decision_url,
            "decision_url": kind.decision_url(contribution) if kind.decision_url else "",
            "claimed_by_other": contribution.claimed_by_other(request.user),
            "public_url": kind.public_url(contribution) if contribution.is_public else "",
            "office_actions": _office_actions(contribution, kind),
        },
    )


def _office_actions(contribution, kind):
    """The resident's own buttons, for the office to press on their behalf."""
    actions = [
        (MARK_ACTIONS[state], label)
        for state, label in kind.marks
        if contribution.is_public and contribution.state in lifecycle.RESIDENT_MARKS.get(state, ())
    ]
    if kind.extendable and contribution.state in (State.PUBLISHED, State.RESERVED, State.EXPIRED):
        actions.append(("extend", _("Extend")))
    if contribution.state not in (State.WITHDRAWN, State.REJECTED):
        actions.append(("withdraw", _("Withdraw")))
    return actions


def decide(request, pk, decision):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    contribution, kind = _item(request, pk)
    if kind.decision_url and decision in ("claim", "approve", "return", "reject"):
        return redirect(kind.decision_url(contribution))
    try:
        if decision == "claim":
            if not lifecycle.claim(contribution, request.user):
                raise lifecycle.NotAllowed
            messages.success(request, _("This item is yours to review for the next half hour."))
            return redirect("participation_admin:detail", pk)
        if decision == "approve":
            lifecycle.approve(contribution, request.user)
            messages.success(request, _("Approved and published."))
        elif decision in ("return", "reject"):
            form = ReasonForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Please write the reason the resident will read."))
                return redirect("participation_admin:detail", pk)
            action = lifecycle.return_with_reason if decision == "return" else lifecycle.reject
            action(contribution, request.user, form.cleaned_data["reason"])
            messages.success(request, _("Done; the resident gets a mail with your reason."))
        elif decision in ("trust", "distrust"):
            Resident.objects.filter(pk=contribution.resident_id).update(trusted=decision == "trust")
            lifecycle.log_change(contribution, request.user, decision)
            messages.success(request, _("Saved."))
            return redirect("participation_admin:detail", pk)
        elif decision in OFFICE_ACTIONS:
            # For residents without an address, who call the office instead of using
            # their own page: the same buttons, recorded with who pressed them.
            OFFICE_ACTIONS[decision](contribution)
            lifecycle.log_change(contribution, request.user, decision)
            messages.success(request, _("Done."))
            return redirect("participation_admin:detail", pk)
        else:
            raise Http404
    except lifecycle.NotAllowed:
        messages.error(
            request,
            _("This was not done: the item has changed meanwhile, or someone else is reviewing it."),
        )
        return redirect("participation_admin:detail", pk)
    return redirect("participation_admin:queue")
