"""Event proposals ("Termin melden"): the form below the calendar, the proposer's
changes, and the proposal as a kind of contribution whose approval makes (or, after a
reviewed change, updates) a normal event page under the calendar."""

from datetime import timedelta

from django.core.files.images import ImageFile
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.html import escape, linebreaks
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.images.models import Image
from wagtail.models import Locale

from core.client_ip import client_ip
from participation import lifecycle
from participation.kinds import ContributionKind
from participation.views import EDITABLE_STATES, resident_or_problem, resident_page_url, sender_of

from .models import EventIndexPage, EventPage, EventProposal
from .proposal_form import EventProposalForm, clashes

PROPOSAL_FIELDS = (
    "title", "start", "end", "all_day", "repeat", "repeat_until", "place_name", "address", "organiser_name",
    "organiser_contact", "cost", "registration_info", "accessibility", "description",
)  # fmt: skip


def calendar_page():
    """The calendar in the site's default language, under which approved events live."""
    return EventIndexPage.objects.live().filter(locale=Locale.get_default()).first()


def propose(request, page):
    token = request.POST.get("von") or request.GET.get("von") or ""
    resident, problem = resident_or_problem(token, request) if token else (None, None)
    if problem:
        return problem
    warnings = []
    if request.method == "POST":
        form = EventProposalForm(request.POST, request.FILES, known_resident=resident)
        if form.is_valid():
            data = form.cleaned_data
            warnings = [] if data["despite_clashes"] else _clashes_of(data)
            if not warnings:
                return _store(request, page, form)
            # Shown once; sending again means "I know, send it anyway".
            form.data = form.data.copy()
            form.data["despite_clashes"] = "on"
        status = 400 if form.errors else 200
    elif request.method in ("GET", "HEAD"):
        form, status = EventProposalForm(known_resident=resident), 200
    else:
        return HttpResponseNotAllowed(["GET", "POST"])
    return TemplateResponse(
        request,
        "news/propose.html",
        {"page": page, "form": form, "warnings": warnings, "token": token if resident else ""},
        status=status,
    )


def _clashes_of(data, exclude=None):
    events = EventPage.objects.live()
    return clashes(data["start"], data["end"], data["place_name"], data["title"], events, exclude=exclude)


def _store(request, page, form):
    thanks = page.url + page.reverse_subpage("proposal_thanks")
    resident, refused = sender_of(request, form, thanks)
    if refused:
        return refused
    data = form.cleaned_data
    proposal = EventProposal(
        resident=resident, language=get_language(), **{name: data[name] for name in PROPOSAL_FIELDS}
    )
    if data["photo"]:
        proposal.photo, proposal.photo_alt = data["photo"], data["photo_alt"]
    proposal.save()
    lifecycle.submit(
        proposal, str(form.fields["consent"].label), confirmed=form.known_resident is not None, ip=client_ip(request)
    )
    if form.known_resident is not None:
        return redirect(resident_page_url(resident) + f"#item-{proposal.pk}")
    return redirect(thanks)


def thanks(request, page):
    return TemplateResponse(request, "news/proposal_thanks.html", {"page": page})


def edit(request, page, pk):
    """The proposer changes a proposal from their own page; a change to a published
    event is reviewed before the event's page changes."""
    resident, problem = resident_or_problem(request.GET.get("von", ""), request)
    if problem:
        return problem
    proposal = EventProposal.objects.filter(pk=pk, resident=resident, state__in=EDITABLE_STATES).first()
    if proposal is None:
        raise Http404
    if request.method == "POST":
        form = EventProposalForm(request.POST, request.FILES, known_resident=resident, editing=True)
        if form.is_valid():
            data = form.cleaned_data
            for name in PROPOSAL_FIELDS:
                setattr(proposal, name, data[name])
            if data["photo"]:
                if proposal.photo:
                    proposal.photo.delete(save=False)
                proposal.photo, proposal.photo_alt = data["photo"], data["photo_alt"]
            lifecycle.changed(proposal)
            return redirect(resident_page_url(resident) + f"?done=changed#item-{proposal.pk}")
        status = 400
    elif request.method in ("GET", "HEAD"):
        form, status = EventProposalForm(initial=_initial(proposal), known_resident=resident, editing=True), 200
    else:
        return HttpResponseNotAllowed(["GET", "POST"])
    return TemplateResponse(
        request,
        "news/proposal_edit.html",
        {"page": page, "form": form, "proposal": proposal, "back_url": resident_page_url(resident)},
        status=status,
    )


def _initial(proposal):
    from django.utils import timezone

    start = timezone.localtime(proposal.start)
    initial = {name: getattr(proposal, name) for name in PROPOSAL_FIELDS if name not in ("start", "end")}
    initial.update(date=start.date(), start_time=None if proposal.all_day else start.time())
    if proposal.end:
        initial["end_time"] = timezone.localtime(proposal.end).time()
    initial["photo_alt"] = proposal.photo_alt
    return initial


# The proposal as a kind of contribution.


def _proposal(contribution):
    return contribution if isinstance(contribution, EventProposal) else EventProposal.objects.get(pk=contribution.pk)


def publish_event(contribution, user):
    """Make the proposal's event page under the calendar, or bring it up to date with
    the approved change. The proposer is named as the organiser, as they wrote it."""
    proposal = _proposal(contribution)
    calendar = calendar_page()
    if calendar is None:
        raise lifecycle.NotAllowed
    event = proposal.event_page.specific if proposal.event_page_id else None
    if event is None:
        event = EventPage(slug=f"{slugify(proposal.title)[:60] or 'termin'}-{proposal.code.lower()}")
    body = linebreaks(escape(proposal.description))
    if proposal.organiser_contact:
        body += f"<p>{escape(_('Contact'))}: {escape(proposal.organiser_contact)}</p>"
    fields = {
        "title": proposal.title,
        "teaser": proposal.description[:380],
        "start": proposal.start,
        "end": proposal.end,
        "all_day": proposal.all_day,
        "repeat": proposal.repeat,
        "repeat_until": proposal.repeat_until,
        "place_name": proposal.place_name,
        "address": proposal.address,
        "organiser_name": proposal.organiser_name,
        "is_free": not proposal.cost,
        "price_note": proposal.cost,
        "registration_required": bool(proposal.registration_info),
        "registration_info": proposal.registration_info,
        "accessibility": proposal.accessibility,
        "body": [("paragraph", body)],
    }
    for name, value in fields.items():
        setattr(event, name, value)
    if proposal.photo and event.image_id is None:
        with proposal.photo.open("rb") as photo:
            event.image = Image.objects.create(
                title=proposal.title,
                description=proposal.photo_alt,
                file=ImageFile(photo, name=proposal.photo.name.rsplit("/", 1)[-1]),
            )
        event.image_alt = proposal.photo_alt
    if event.pk is None:
        calendar.add_child(instance=event)
    event.save_revision(user=user, log_action=True).publish(user=user)
    EventProposal.objects.filter(pk=proposal.pk).update(event_page=event)


def event_url(contribution):
    event = _proposal(contribution).event_page
    return event.url if event and event.live else ""


def ends(contribution, now):
    """An approved proposal ends with the last date of its event."""
    proposal = _proposal(contribution)
    if proposal.repeat and proposal.repeat_until:
        return proposal.start.replace(
            year=proposal.repeat_until.year, month=proposal.repeat_until.month, day=proposal.repeat_until.day
        ) + timedelta(days=1)
    return (proposal.end or proposal.start) + timedelta(days=1)


def _edit_url(token, contribution, calendar=None):
    calendar = calendar or calendar_page()
    if calendar is None:
        return ""
    return calendar.url + calendar.reverse_subpage("proposal_edit", args=[contribution.pk]) + f"?von={token}"


def addresses(proposals, token):
    calendar = calendar_page()
    return {proposal.pk: (event_url(proposal), _edit_url(token, proposal, calendar)) for proposal in proposals}


def _new_url(token):
    calendar = calendar_page()
    return calendar.url + calendar.reverse_subpage("propose") + f"?von={token}" if calendar else ""


def describe(contribution):
    proposal = _proposal(contribution)
    return {
        "starts": proposal.start.isoformat(),
        "ends": proposal.end.isoformat() if proposal.end else None,
        "repeats": proposal.repeat,
        "repeats_until": proposal.repeat_until.isoformat() if proposal.repeat_until else None,
        "place": proposal.place_name,
        "address": proposal.address,
        "organiser": proposal.organiser_name,
        "organiser_contact": proposal.organiser_contact,
        "description": proposal.description,
        "photo": proposal.photo.name if proposal.photo else None,
    }


def text(contribution):
    proposal = _proposal(contribution)
    return "\n".join((proposal.title, proposal.description, proposal.organiser_name, proposal.place_name))


def event_kind():
    return ContributionKind(
        key="event",
        label=_("Event proposal"),
        model=EventProposal,
        moderate_permission="news.moderate_eventproposal",
        public_url=event_url,
        describe=describe,
        text=text,
        admin_template="news/admin/proposal.html",
        edit_url=_edit_url,
        new_url=_new_url,
        on_publish=publish_event,
        expires=ends,
        reminds=False,
        review_changes=True,
        mail_templates={"published": "news/emails/proposal_published"},
        related=("event_page",),
        addresses=addresses,
    )
