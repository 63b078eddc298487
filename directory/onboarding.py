"""Onboarding a club or a provider in one step: everything an editor would otherwise
click together in five admin screens, shared by the admin view and the management
commands `onboard_club` and `onboard_provider`."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Workflow, WorkflowPage

from clubs.models import ClubPage

from .permissions import PROVIDER_GROUP_NAME

CLUB_COLLECTION_NAME = "Vereine"
CLUB_PAGE_PERMISSIONS = ["add_page", "change_page"]  # never publish: editors approve
CLUB_IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image"]
PROVIDER_PERMISSIONS = [("directory", "change_provider"), ("directory", "add_offer"), ("directory", "change_offer")]


@dataclass
class Onboarded:
    user: object
    group: Group
    page: ClubPage = None
    collection: Collection = None
    invitation_url: str = ""


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _account(email, name):
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
        "wagtailadmin_password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


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


def ensure_moderation(page):
    """Club changes always wait for an editor: if no workflow covers the page yet,
    the site's default one is assigned to the club index."""
    if page.get_workflow() is not None:
        return
    workflow = Workflow.objects.filter(active=True).order_by("pk").first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page=page.get_parent(), defaults={"workflow": workflow})


@transaction.atomic
def onboard_club(index_page, name, email, contact_name="", summary="", publish=False, invite=True):
    """Club page (a draft unless `publish`), a group that may edit that page and its
    subtree only, an image collection for the group, the contact's login, and the
    invitation to set a password."""
    name = name.strip()
    base_slug = slugify(name)[:70] or "verein"
    slug, number = base_slug, 2
    while index_page.get_children().filter(slug=slug).exists():
        slug, number = f"{base_slug}-{number}", number + 1
    page = ClubPage(
        title=name,
        slug=slug,
        summary=summary or name,
        contact_name=contact_name,
        email=email,
        review_by=timezone.localdate() + timedelta(days=365),
        live=False,
    )
    index_page.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return grant_club_access(page, email, contact_name=contact_name, invite=invite)


def grant_club_access(page, email, contact_name="", invite=True):
    """The group, collection and login that let a club edit `page` and its subtree."""
    name = page.title
    root = Collection.get_first_root_node()
    parent = root.get_children().filter(name=CLUB_COLLECTION_NAME).first() or root.add_child(name=CLUB_COLLECTION_NAME)
    collection = parent.add_child(name=name)

    group_name, number = f"Verein: {name}"[:140], 2
    while Group.objects.filter(name=group_name).exists():
        group_name, number = f"Verein: {name} ({number})"[:150], number + 1
    group = Group.objects.create(name=group_name)
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    for codename in CLUB_PAGE_PERMISSIONS:
        GroupPagePermission.objects.create(group=group, page=page, permission=_permission("wagtailcore", codename))
    for codename in CLUB_IMAGE_PERMISSIONS:
        GroupCollectionPermission.objects.create(
            group=group, collection=collection, permission=_permission("wagtailimages", codename)
        )
    ensure_moderation(page)

    user = _account(email, contact_name)
    user.groups.add(group)
    url = send_invitation(user, _("the page of %(name)s") % {"name": name}) if invite else ""
    return Onboarded(user=user, group=group, page=page, collection=collection, invitation_url=url)


def provider_group():
    group, _created = Group.objects.get_or_create(name=PROVIDER_GROUP_NAME)
    group.permissions.add(
        _permission("wagtailadmin", "access_admin"), *(_permission(app, code) for app, code in PROVIDER_PERMISSIONS)
    )
    return group


@transaction.atomic
def onboard_provider(provider, email, contact_name="", invite=True):
    """A login for `provider` that may edit its entry and offers, through approval."""
    user = _account(email, contact_name)
    group = provider_group()
    user.groups.add(group)
    provider.accounts.add(user)
    url = send_invitation(user, _("the entry of %(name)s") % {"name": provider.name}) if invite else ""
    return Onboarded(user=user, group=group, invitation_url=url)
