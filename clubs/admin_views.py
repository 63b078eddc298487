"""Onboarding a club from the admin, in one form ("Onboard a club" in the menu)."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .models import ClubIndexPage, ClubPage
from .onboarding import DuplicateClub, grant_club_access, onboard_club
from .permissions import can_onboard


class OnboardClubForm(forms.Form):
    existing_page = forms.ModelChoiceField(
        label=_("Existing club page"),
        queryset=ClubPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("title"),
        required=False,
        help_text=_(
            "For a club whose page is on the site already: its contact gets an account for that page, "
            "and no new page is made. A second person of the club joins the club's group."
        ),
    )
    name = forms.CharField(
        label=_("Name of the club"),
        max_length=200,
        required=False,
        help_text=_("For a new page; leave it empty when you chose an existing one."),
    )
    email = forms.EmailField(label=_("E-mail of the club's contact"))
    contact_name = forms.CharField(label=_("Name of the contact person"), max_length=120, required=False)
    summary = forms.CharField(label=_("Short description"), max_length=300, required=False)
    index_page = forms.ModelChoiceField(label=_("Club index"), queryset=ClubIndexPage.objects.all(), empty_label=None)
    publish = forms.BooleanField(
        label=_("Publish the page at once"),
        required=False,
        help_text=_("Otherwise the page stays a draft until the club has filled it in and an editor approves it."),
    )
    create_anyway = forms.BooleanField(
        label=_("Make a second page although one with this name exists"),
        required=False,
    )

    def clean(self):
        data = super().clean()
        if not data.get("existing_page") and "name" not in self.errors and not (data.get("name") or "").strip():
            self.add_error("name", _("Enter the club's name, or choose its existing page above."))
        return data


def onboard_club_view(request):
    if not can_onboard(request.user):
        raise PermissionDenied
    form = OnboardClubForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = _onboard(data)
        except DuplicateClub as duplicate:
            form.add_error(
                "name",
                _(
                    "A club page named “%(title)s” exists already. To give that club an account, choose it "
                    "under “Existing club page”; to make a second page, tick the box below."
                )
                % {"title": duplicate.pages[0].title},
            )
        else:
            messages.success(
                request,
                _("%(name)s is onboarded; an invitation went to %(email)s.")
                % {"name": result.page.title, "email": data["email"]},
            )
            return redirect("wagtailadmin_pages:edit", result.page.pk)
    return TemplateResponse(request, "clubs/admin/onboard_club.html", {"form": form})


def _onboard(data):
    if data["existing_page"]:
        return grant_club_access(data["existing_page"], data["email"], contact_name=data["contact_name"])
    return onboard_club(
        data["index_page"],
        data["name"],
        data["email"],
        contact_name=data["contact_name"],
        summary=data["summary"],
        publish=data["publish"],
        allow_duplicate=data["create_anyway"],
    )


# Volunteering interests: the club marks what it did; each account sees its own clubs'.


def clubs_of(user):
    """The club pages whose interests this user may see and mark: all for editors, the
    pages it may edit for a club account."""
    from wagtail.permission_policies.pages import PagePermissionPolicy

    from core.attention import is_editor

    from .models import ClubPage

    if is_editor(user) or user.has_perm("participation.moderate_contribution"):
        return ClubPage.objects.all()
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change"])
    return ClubPage.objects.filter(pk__in=editable.values("pk"))


def interests_view(request):
    from .models import ClubMark, VolunteerInterest

    clubs = clubs_of(request.user)
    interests = (
        VolunteerInterest.objects.filter(club__in=clubs, state__in=("published", "expired"))
        .select_related("club")
        .order_by("-published_at")
    )
    return TemplateResponse(
        request,
        "clubs/admin/interests.html",
        {"interests": interests[:200], "marks": [mark for mark in ClubMark if mark.value]},
    )


def mark_interest_view(request, pk):
    from django.http import HttpResponseNotAllowed

    from .interests import mark
    from .models import ClubMark, VolunteerInterest

    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    # Another club's interest is refused like a missing one.
    item = VolunteerInterest.objects.filter(pk=pk, club__in=clubs_of(request.user)).first()
    if item is None or request.POST.get("mark") not in ClubMark.values or not request.POST.get("mark"):
        raise PermissionDenied
    mark(item, request.POST["mark"])
    messages.success(request, _("Saved. The person sees it on their page."))
    return redirect("clubs_interests")
