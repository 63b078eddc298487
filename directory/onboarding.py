"""Onboarding a provider in one step (the `onboard_provider` command), and what the
club onboarding in `clubs.onboarding` shares with it: the login without a password
and the invitation to set one."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.models import Collection

from core.addresses import absolute

from .permissions import PROVIDER_GROUP_NAME

PROVIDER_PERMISSIONS = [("directory", "change_provider"), ("directory", "add_offer"), ("directory", "change_offer")]


@dataclass
class Onboarded:
    user: object
    group: Group
    page: object = None  # a club's page (clubs.onboarding)
    collection: Collection = None
    invitation_url: str = ""


def find_permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def account_for(email, name):
    """The login for `email`, created without a usable password when new."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        first, _space, last = name.strip().partition(" ")
        user = User(username=email.lower(), email=email, first_name=first[:150], last_name=last[:150])
        user.set_unusable_password()
        user.save()
    return user


def invitation_url(user):
    """A link to set a password, valid as long as Django's password-reset tokens
    (PASSWORD_RESET_TIMEOUT, INVITATION_DAYS) and until the password is set."""
    path = reverse(
        "welcome",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return absolute(path)


def send_invitation(user, what):
    url = invitation_url(user)
    subject = _("Your access to the neighbourhood website")
    body = _(
        "Hello,\n\nyou can now edit %(what)s on the neighbourhood website yourself. "
        "Choose a password here:\n\n%(url)s\n\nYour login name is: %(username)s\n\n"
        "Your changes go live once an editor has approved them.\n"
    ) % {"what": what, "url": url, "username": user.get_username()}
    days = settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)
    body += "\n" + ngettext(
        "The link works for %(days)d day. After that, ask us for a new one.\n",
        "The link works for %(days)d days. After that, ask us for a new one.\n",
        days,
    ) % {"days": days}
    send_mail(subject, body, None, [user.email])
    return url


def provider_group():
    group, _created = Group.objects.get_or_create(name=PROVIDER_GROUP_NAME)
    group.permissions.add(
        find_permission("wagtailadmin", "access_admin"),
        *(find_permission(app, code) for app, code in PROVIDER_PERMISSIONS),
    )
    return group


@transaction.atomic
def onboard_provider(provider, email, contact_name="", invite=True):
    """A login for `provider` that may edit its entry and offers, through approval."""
    user = account_for(email, contact_name)
    group = provider_group()
    user.groups.add(group)
    provider.accounts.add(user)
    url = send_invitation(user, _("the entry of %(name)s") % {"name": provider.name}) if invite else ""
    return Onboarded(user=user, group=group, invitation_url=url)
