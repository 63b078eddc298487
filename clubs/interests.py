"""Volunteering interest ("Ich möchte mitmachen"): a short form on every volunteer role,
and one for residents who would like to help but do not know where. Both are
contributions (participation/): confirmed by the resident, then passed on (the
resident's address as Reply-To) to the club's contact, or to the contact person on
site. The club marks what it did in the admin; the resident sees it on their page."""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.models import Site

from core import outbox
from core.addresses import absolute
from core.client_ip import client_ip
from core.forms import name_field, text_field
from core.locales import reader_url
from directory.views.queries import categories_for_filters
from home.models import SiteSettings
from participation import lifecycle
from participation.forms import ContributionForm
from participation.kinds import ContributionKind
from participation.views import resident_or_problem, sender_of

from .models import ClubPage, VolunteerInterest, VolunteerRole, current_roles

# Kept this long after it was passed on; then it ends and is deleted after the retention.
INTEREST_DAYS = 90


class InterestForm(ContributionForm):
    text_fields = ("name", "reach", "availability", "languages", "message")
    consent_label = _(
        "I agree that my name, my address and what I wrote here are passed on to answer me, "
        "and kept for a few months to show me what became of it."
    )

    name = name_field()
    reach = text_field(
        _("How to reach me"), 200, required=True, help_text=_("A phone number, or the e-mail address below.")
    )
    availability = text_field(
        _("When I have time (optional)"), 200, help_text=_("e.g. Saturday mornings, twice a month")
    )
    message = text_field(_("Message (optional)"), 2000, rows=4)

    field_order = ["name", "reach", "availability", "topics", "languages", "message", "email", "consent"]


class GeneralInterestForm(InterestForm):
    topics = forms.MultipleChoiceField(
        label=_("What I would like to help with"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Please choose among the topics shown.")},
    )
    languages = text_field(_("Languages I speak (optional)"), 200)

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = [(category.name, category.name) for category in categories]


def _current_role(index_page, role_id):
    clubs = ClubPage.objects.child_of(index_page).live().public()
    role = VolunteerRole.objects.filter(current_roles(), pk=role_id, page__in=clubs).select_related("page").first()
    if role is None:
        # A role that never was, was filled, or is past its "valid until" day.
        raise Http404
    return role


def interest(request, index_page, role_id=None):
    role = _current_role(index_page, role_id) if role_id is not None else None
    token = request.POST.get("von") or request.GET.get("von") or ""
    resident, problem = resident_or_problem(token, request) if token else (None, None)
    if problem:
        return problem
    form_class, kwargs = (
        (InterestForm, {}) if role else (GeneralInterestForm, {"categories": categories_for_filters(request)})
    )
    if request.method == "POST":
        form = form_class(request.POST, known_resident=resident, **kwargs)
        if form.is_valid():
            return _store(request, index_page, form, role)
        status = 400
    elif request.method in ("GET", "HEAD"):
        form, status = form_class(known_resident=resident, **kwargs), 200
    else:
        return HttpResponseNotAllowed(["GET", "POST"])
    return TemplateResponse(
        request,
        "clubs/interest.html",
        {
            "page": index_page,
            "role": role,
            "form": form,
            "token": token if resident else "",
            "volunteering_url": reader_url(index_page, request, "volunteering"),
        },
        status=status,
    )


def _store(request, index_page, form, role):
    thanks = reader_url(index_page, request, "interest_thanks")
    resident, refused = sender_of(request, form, thanks)
    if refused:
        return refused
    data = form.cleaned_data
    item = VolunteerInterest.objects.create(
        resident=resident,
        language=get_language(),
        title=role.title if role else str(_("Ready to help, anywhere")),
        role=role,
        club=role.page if role else None,
        club_name=role.page.title if role else "",
        name=data["name"],
        reach=data["reach"],
        availability=data["availability"],
        topics=", ".join(data.get("topics") or []),
        languages=data.get("languages", ""),
        message=data["message"],
    )
    lifecycle.submit(
        item, str(form.fields["consent"].label), confirmed=form.known_resident is not None, ip=client_ip(request)
    )
    return redirect(thanks)


def thanks(request, index_page):
    return TemplateResponse(
        request,
        "clubs/interest_thanks.html",
        {"page": index_page, "volunteering_url": reader_url(index_page, request, "volunteering")},
    )


# Passing it on, and reminding clubs that have not answered.


def _office():
    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site) if site else None


def recipient_of(item):
    """The club's contact, or the contact person on site (for the general form, or a
    club without an address)."""
    if item.club_id and item.club.email:
        return item.club.email
    office = _office()
    return office.contact_email if office else ""


def pass_on(contribution, user=None):
    """Once the resident confirmed: the interest goes to whoever looks for help."""
    item = VolunteerInterest.objects.select_related("club", "resident").get(pk=contribution.pk)
    to = recipient_of(item)
    if not to:
        raise lifecycle.NotAllowed
    context = {"item": item, "site_name": settings.WAGTAIL_SITE_NAME, "admin_url": absolute("/admin/volunteering/")}
    subject, body = outbox.render("clubs/emails/interest", context, settings.LANGUAGE_CODE)
    outbox.queue(to=to, reply_to=item.resident.email or "", subject=subject, body=body, purpose="clubs.interest")


def unanswered(now=None):
    """Interests passed on to a club more than VOLUNTEER_ANSWER_DAYS ago, unmarked."""
    now = now or timezone.now()
    return VolunteerInterest.objects.filter(
        club__isnull=False,
        club_mark="",
        published_at__lt=now - timedelta(days=settings.VOLUNTEER_ANSWER_DAYS),
        state__in=("published",),
    )


def remind_clubs(now=None):
    """Once per interest, a reminder to the club that someone is waiting."""
    now = now or timezone.now()
    count = 0
    for item in unanswered(now).filter(club_reminded_at__isnull=True).select_related("club"):
        if not VolunteerInterest.objects.filter(pk=item.pk, club_reminded_at__isnull=True).update(club_reminded_at=now):
            continue
        to = recipient_of(item)
        if to:
            context = {
                "item": item,
                "site_name": settings.WAGTAIL_SITE_NAME,
                "admin_url": absolute("/admin/volunteering/"),
            }
            subject, body = outbox.render("clubs/emails/interest_reminder", context, settings.LANGUAGE_CODE)
            outbox.queue(to=to, subject=subject, body=body, purpose="clubs.interest_reminder")
            count += 1
    return count


def mark(item, club_mark, now=None):
    VolunteerInterest.objects.filter(pk=item.pk).update(club_mark=club_mark, club_marked_at=now or timezone.now())


# The interest as a kind of contribution.


def _item(contribution):
    if isinstance(contribution, VolunteerInterest):
        return contribution
    return VolunteerInterest.objects.get(pk=contribution.pk)


def status(contribution):
    """What the resident reads: sent, then what the club marked."""
    if contribution.state != "published":
        return contribution.get_state_display()
    item = _item(contribution)
    if item.club_mark:
        return item.get_club_mark_display()
    return (
        _("Passed on to %(club)s") % {"club": item.club_name}
        if item.club_name
        else _("Passed on to the contact person")
    )


def describe(contribution):
    item = _item(contribution)
    return {
        "club": item.club_name,
        "name": item.name,
        "how_to_reach_me": item.reach,
        "when_i_have_time": item.availability,
        "topics": item.topics,
        "languages": item.languages,
        "message": item.message,
        "club_answer": item.club_mark,
    }


def club_url(contribution):
    item = _item(contribution)
    return item.club.url if item.club_id and item.club.live else ""


def interest_kind():
    return ContributionKind(
        key="volunteer",
        label=_("Volunteering interest"),
        model=VolunteerInterest,
        moderate_permission="participation.moderate_contribution",
        public_url=club_url,
        describe=describe,
        text=lambda contribution: _item(contribution).message,
        admin_template="clubs/admin/interest.html",
        on_publish=pass_on,
        expires=lambda contribution, now: now + timedelta(days=INTEREST_DAYS),
        reminds=False,
        reviewed=False,
        status=status,
        mail_templates={"published": "clubs/emails/interest_sent"},
        related=("club",),
    )
