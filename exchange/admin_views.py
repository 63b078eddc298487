"""For residents who are not online: the office enters a post on a resident's behalf
(they called or came by), recorded as such. Whoever may moderate the board may do it."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from core.forms import PHONE_PATTERN, clean_text
from participation import lifecycle
from participation.models import Contribution, Resident

from .kind import board_page
from .models import Direction, Mode, Subject, SwapCategory, SwapPost


class OnBehalfForm(forms.Form):
    name = forms.CharField(label=_("Resident's name"), max_length=120)
    phone = forms.CharField(label=_("Resident's phone"), max_length=40, required=False)
    email = forms.EmailField(
        label=_("Resident's e-mail (optional)"),
        required=False,
        help_text=_("With an address the resident gets the mails and their own page; without, messages come to you."),
    )
    note = forms.CharField(
        label=_("How the resident reached us"), max_length=200, help_text=_("e.g. “by phone on Tuesday”")
    )
    direction = forms.ChoiceField(label=_("Offered or wanted"), choices=Direction.choices)
    subject = forms.ChoiceField(label=_("Thing or time"), choices=Subject.choices)
    mode = forms.ChoiceField(label=_("Give away, lend or swap"), choices=Mode.choices)
    title = forms.CharField(label=_("Title"), max_length=80)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, max_length=2000)
    category = forms.ModelChoiceField(label=_("Category"), queryset=SwapCategory.objects.none())
    area = forms.ChoiceField(label=_("Area"))
    handover = forms.CharField(label=_("How to hand over"), max_length=200, required=False)

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = SwapCategory.objects.filter(locale__language_code="de")
        self.fields["area"].choices = [(area, area) for area in areas]

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE_PATTERN.match(phone):
            raise forms.ValidationError(_("Please enter a phone number with digits only, e.g. 030 1234567."))
        return phone

    def clean(self):
        cleaned = super().clean()
        for name in ("name", "note", "title", "description", "handover"):
            if cleaned.get(name):
                cleaned[name] = clean_text(cleaned[name])
        if not cleaned.get("phone") and not cleaned.get("email") and not self.has_error("phone"):
            self.add_error("phone", _("Give a phone number or an e-mail address, so that the resident can be reached."))
        return cleaned


def on_behalf(request):
    if not request.user.has_perm("exchange.moderate_swappost"):
        raise PermissionDenied
    page = board_page()
    if page is None:
        messages.error(request, _("There is no published swap board yet."))
        return redirect("participation_admin:queue")
    form = OnBehalfForm(request.POST or None, areas=page.area_list())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        email = data["email"].strip().lower()
        resident = Resident.objects.filter(email=email).first() if email else None
        if resident is None:
            resident = Resident.objects.create(
                email=email or None, name=data["name"], phone=data["phone"], entered_by=request.user
            )
        post = SwapPost.objects.create(
            resident=resident,
            entered_by=request.user,
            on_behalf_note=data["note"],
            **{
                name: data[name]
                for name in ("direction", "subject", "mode", "title", "description", "category", "area", "handover")
            },
        )
        lifecycle.submit(post, str(_("Agreed on the phone or in person with the office.")), confirmed=True)
        log(
            instance=Contribution(pk=post.pk),
            action="participation.on_behalf",
            user=request.user,
            title=f"{post._meta.verbose_name} {post.code}",
            data={"note": data["note"]},
        )
        messages.success(request, _("The post is published with the code %(code)s.") % {"code": post.code})
        return redirect("participation_admin:detail", post.pk)
    return TemplateResponse(request, "exchange/admin/on_behalf.html", {"form": form})
