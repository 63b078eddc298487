"""The resident's side of the life cycle: the confirmation button, "send me my link",
and the resident's own page ("Mein Quartier") with its buttons, export and deletion.

None of these pages is the same for two people: each answers `never_cache`, and a
link's token is checked on every request (signature, age, the resident's link
version)."""

import json
from functools import wraps

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache

from core import personal_data
from core.client_ip import client_ip
from core.forms import claim_timestamp

from . import lifecycle
from .data import resident_data
from .forms import LinkRequestForm
from .kinds import addresses, all_kinds, specific
from .models import Contribution, Resident, State
from .ratelimit import limited
from .tokens import LinkExpired, LinkInvalid, read_confirmation_token, read_resident_token, resident_token

EDITABLE_STATES = (State.IN_REVIEW, State.PUBLISHED, State.RESERVED, State.RETURNED)


def link_problem(request, expired, status=None):
    """A link that is forged, cut off, or too old: what happened and a form for a new one."""
    return TemplateResponse(
        request,
        "participation/link_problem.html",
        {"expired": expired, "form": LinkRequestForm()},
        status=status or (410 if expired else 400),
    )


def resident_for(token):
    """The resident of a private link; LinkInvalid or LinkExpired otherwise."""
    resident_id, version = read_resident_token(token)
    resident = Resident.objects.filter(pk=resident_id, link_version=version).first()
    if resident is None:
        # Deleted, or the links were voided: for the holder, an old link.
        raise LinkExpired
    return resident


def resident_or_problem(token, request):
    """(resident, None) for a valid private link, else (None, the page that says why)."""
    try:
        return resident_for(token), None
    except (LinkInvalid, LinkExpired) as problem:
        return None, link_problem(request, expired=isinstance(problem, LinkExpired))


def with_resident(view):
    """A view of the resident's own page: the link's resident, or the page that says
    why the link does not work; never cached."""

    @wraps(view)
    def wrapped(request, token, *args, **kwargs):
        resident, problem = resident_or_problem(token, request)
        return problem or view(request, resident, token, *args, **kwargs)

    return never_cache(wrapped)


@never_cache
def confirm(request, token):
    """The link of a confirmation mail opens this page; only its button (a POST)
    confirms, so a mail scanner that follows links confirms nothing."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    try:
        pk = read_confirmation_token(token)
    except (LinkInvalid, LinkExpired) as problem:
        return link_problem(request, expired=isinstance(problem, LinkExpired))
    contribution = Contribution.objects.select_related("resident").filter(pk=pk).first()
    if contribution is None or contribution.state != State.UNCONFIRMED:
        # Confirmed already (a second click, a replay), or deleted meanwhile.
        return TemplateResponse(
            request,
            "participation/confirm_used.html",
            {"form": LinkRequestForm(), "contribution": contribution},
            status=410,
        )
    if request.method == "POST":
        lifecycle.confirm(contribution, ip=client_ip(request))
        return redirect(resident_page_url(contribution.resident) + f"?confirmed={contribution.pk}")
    return TemplateResponse(request, "participation/confirm.html", {"contribution": contribution})


def resident_page_url(resident):
    from django.urls import reverse

    return reverse("participation:resident", args=[resident_token(resident)])


@never_cache
def request_link(request):
    """ "Send me my link": the same answer whether the address is known or not, so that
    nobody learns who uses the site."""
    if request.method == "POST":
        form = LinkRequestForm(request.POST)
        if not form.is_valid():
            return TemplateResponse(request, "participation/request_link.html", {"form": form}, status=400)
        email = form.cleaned_data["email"]
        if limited(request, email):
            return too_many(request)
        resident = Resident.objects.filter(email=email, confirmed_at__isnull=False).first()
        if resident is not None and not form.is_spam:
            lifecycle.mail_resident(resident, "link", purpose="participation.link")
        return TemplateResponse(
            request, "participation/link_sent.html", {"link_days": settings.PARTICIPATION_LINK_DAYS}
        )
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    return TemplateResponse(request, "participation/request_link.html", {"form": LinkRequestForm()})


def sender_of(request, form, thanks_url):
    """Who sends a valid new contribution, or the answer that stores nothing:
    (resident, None) or (None, response). Bots (the honeypot) and a form sent twice get
    the thank-you page as if all went well; too many from one address or IP get 429.
    A resident known by their link is the form's; anyone else is their address."""
    if form.is_spam:
        return None, redirect(thanks_url)
    resident = form.known_resident
    email = resident.email if resident else form.cleaned_data["email"]
    if limited(request, email):
        return None, too_many(request)
    if not claim_timestamp(form.cleaned_data["started"]):
        return None, redirect(thanks_url)  # the same form sent twice: stored once
    if resident is None:
        resident, _created = Resident.objects.get_or_create(email=email, defaults={"language": get_language()})
    return resident, None


def too_many(request):
    """Over the rate limit: say so, with 429 and when to try again."""
    return TemplateResponse(request, "participation/too_many.html", {}, status=429, headers={"Retry-After": "3600"})


@with_resident
def resident_page(request, resident, token):
    kinds = all_kinds()
    # Each kind's own rows and addresses in a query or two per kind, not per item.
    items = specific(resident.contributions.order_by("-created_at"))
    contributions = sorted(items.values(), key=lambda item: item.created_at, reverse=True)
    links = {}
    for key, kind in kinds.items():
        links.update(addresses(kind, [item for item in contributions if item.kind == key], token))
    now = timezone.now()
    for contribution in contributions:
        kind = kinds[contribution.kind]
        contribution.kind_label = kind.label
        contribution.status = kind.status(contribution) if kind.status else contribution.get_state_display()
        public_link, edit_link = links.get(contribution.pk, ("", ""))
        contribution.public_link = public_link if contribution.is_public else ""
        contribution.edit_link = edit_link if contribution.state in EDITABLE_STATES else ""
        contribution.mark_actions = [
            (MARK_ACTIONS[state], label)
            for state, label in kind.marks
            if contribution.state in lifecycle.RESIDENT_MARKS.get(state, ()) and contribution.is_public
        ]
        contribution.can_extend = kind.extendable and contribution.state in (
            State.PUBLISHED,
            State.RESERVED,
            State.EXPIRED,
        )
        contribution.can_withdraw = contribution.state not in (State.WITHDRAWN, State.REJECTED)
        contribution.ends_soon = bool(
            contribution.expires_at and contribution.is_public and (contribution.expires_at - now).days < 7
        )
    return TemplateResponse(
        request,
        "participation/resident.html",
        {
            "resident": resident,
            "token": token,
            "contributions": contributions,
            "new_links": [(kind.label, kind.new_url(token)) for kind in kinds.values() if kind.new_url],
            "expiry_days": settings.PARTICIPATION_EXPIRY_DAYS,
            "confirmed": request.GET.get("confirmed", ""),
            "done": request.GET.get("done", ""),
        },
    )


MARK_ACTIONS = {State.RESERVED: "reserved", State.DONE: "done", State.PUBLISHED: "available"}
ACTIONS = {
    "extend": lifecycle.extend,
    "withdraw": lifecycle.withdraw,
    "reserved": lambda contribution: lifecycle.mark(contribution, State.RESERVED),
    "done": lambda contribution: lifecycle.mark(contribution, State.DONE),
    "available": lambda contribution: lifecycle.mark(contribution, State.PUBLISHED),
}


@with_resident
def contribution_action(request, resident, token, pk, action):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if action not in ACTIONS:
        raise Http404
    # Only the resident's own: another resident's item is as unknown as a missing one.
    contribution = resident.contributions.filter(pk=pk).first()
    if contribution is None:
        raise Http404
    try:
        ACTIONS[action](contribution)
    except lifecycle.NotAllowed:
        return TemplateResponse(
            request,
            "participation/not_allowed.html",
            {"back": resident_page_url(resident), "contribution": contribution},
            status=409,
        )
    return redirect(resident_page_url(resident) + f"?done={action}#item-{contribution.pk}")


def stored_data(resident):
    """Everything stored under the resident's address, as the export gives it: their
    contributions and the other registers' rows of the same address (mails, enquiries)."""
    data = resident_data(resident)
    if resident.email:
        data.update(personal_data.export(email=resident.email, labels_except=("accounts", "residents")))
    return data


@with_resident
def export(request, resident, token):
    response = HttpResponse(
        json.dumps(stored_data(resident), ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="mein-quartier.json"'
    return response


@with_resident
def delete_everything(request, resident, token):
    if request.method == "POST":
        lifecycle.delete_resident(resident)
        return TemplateResponse(request, "participation/deleted.html", {})
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    return TemplateResponse(
        request,
        "participation/delete.html",
        {"resident": resident, "token": token, "count": resident.contributions.count()},
    )
