"""Onboarding a club from the admin, in one form ("Onboard a club" in the menu)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .models import ClubIndexPage
from .onboarding import onboard_club
from .permissions import can_onboard


class OnboardClubForm(forms.Form):
    name = forms.CharField(label=_("Name of the club"), max_length=200)
    email = forms.EmailField(label=_("E-mail of the club's contact"))
    contact_name = forms.CharField(label=_("Name of the contact person"), max_length=120, required=False)
    summary = forms.CharField(label=_("Short description"), max_length=300, required=False)
    index_page = forms.ModelChoiceField(label=_("Club index"), queryset=ClubIndexPage.objects.all(), empty_label=None)
    publish = forms.BooleanField(
        label=_("Publish the page at once"),
        required=False,
        help_text=_("Otherwise the page stays a draft until the club has filled it in and an editor approves it."),
    )


def onboard_club_view(request):
    if not can_onboard(request.user):
        raise PermissionDenied
    form = OnboardClubForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = onboard_club(
            data["index_page"],
            data["name"],
            data["email"],
            contact_name=data["contact_name"],
            summary=data["summary"],
            publish=data["publish"],
        )
        messages.success(
            request,
            _("%(name)s is onboarded; an invitation went to %(email)s.")
            % {"name": data["name"], "email": data["email"]},
        )
        return redirect("wagtailadmin_pages:edit", result.page.pk)
    return TemplateResponse(request, "clubs/admin/onboard_club.html", {"form": form})
