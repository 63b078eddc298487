"""Onboarding a club in one step: everything an editor would otherwise click together
in five admin screens, shared by the admin view "Onboard a club" and the management
command `onboard_club`. The login and the invitation are the same as a provider's
(`directory.onboarding`)."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Workflow, WorkflowPage

from directory.onboarding import Onboarded, account_for, find_permission, send_invitation

from .models import ClubPage

CLUB_COLLECTION_NAME = "Vereine"
CLUB_PAGE_PERMISSIONS = ["add_page", "change_page"]  # never publish: editors approve
CLUB_IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image"]


def ensure_moderation(page):
    """Club changes always wait for an editor: if no workflow covers the page yet,
    the site's default one is assigned to the club index."""
    if page.get_workflow() is not None:
        return
    workflow = Workflow.objects.filter(active=True).order_by("pk").first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page=page.get_parent(), defaults={"workflow": workflow})


class DuplicateClub(Exception):
    """A club page of that name is already there: the club most likely wants an account
    for it, not a second page beside it."""

    def __init__(self, pages):
        super().__init__(described(pages))
        self.pages = pages


def described(pages):
    """Club pages as a command line names them: "Lindenchor (id 43), ..."."""
    return ", ".join(f"{page.title} (id {page.pk})" for page in pages)


def same_name_pages(index_page, name):
    """The club pages below `index_page` that carry this name or its address."""
    name = name.strip()
    return list(
        ClubPage.objects.child_of(index_page)
        .filter(Q(title__iexact=name) | Q(slug=slugify(name)[:70]))
        .order_by("title")
    )


@transaction.atomic
def onboard_club(
    index_page, name, email, contact_name="", summary="", publish=False, invite=True, allow_duplicate=False
):
    """Club page (a draft unless `publish`), a group that may edit that page and its
    subtree only, an image collection for the group, the contact's login, and the
    invitation to set a password. Refuses (DuplicateClub) when a club page of the same
    name exists, unless `allow_duplicate`: onboard onto that page with grant_club_access."""
    name = name.strip()
    if not allow_duplicate and (duplicates := same_name_pages(index_page, name)):
        raise DuplicateClub(duplicates)
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


@transaction.atomic
def grant_club_access(page, email, contact_name="", invite=True):
    """The group, collection and login that let a club edit `page` and its subtree. A
    second person of a club that has its group already joins that group."""
    group, collection = _club_group_of(page) or _new_club_group(page)
    ensure_moderation(page)

    user = account_for(email, contact_name)
    user.groups.add(group)
    url = send_invitation(user, _("the page of %(name)s") % {"name": page.title}) if invite else ""
    return Onboarded(user=user, group=group, page=page, collection=collection, invitation_url=url)


def _club_group_of(page):
    """The group and collection an earlier onboarding made for this page, if any."""
    grant = (
        GroupPagePermission.objects.filter(
            page=page, permission__codename="change_page", group__name__startswith="Verein:"
        )
        .select_related("group")
        .first()
    )
    if grant is None:
        return None
    collection_grant = GroupCollectionPermission.objects.filter(group=grant.group).select_related("collection").first()
    if collection_grant is None:
        return None
    return grant.group, collection_grant.collection


def _new_club_group(page):
    name = page.title
    root = Collection.get_first_root_node()
    parent = root.get_children().filter(name=CLUB_COLLECTION_NAME).first() or root.add_child(name=CLUB_COLLECTION_NAME)
    collection = parent.add_child(name=name)

    group_name, number = f"Verein: {name}"[:140], 2
    while Group.objects.filter(name=group_name).exists():
        group_name, number = f"Verein: {name} ({number})"[:150], number + 1
    group = Group.objects.create(name=group_name)
    group.permissions.add(find_permission("wagtailadmin", "access_admin"))
    for codename in CLUB_PAGE_PERMISSIONS:
        GroupPagePermission.objects.create(group=group, page=page, permission=find_permission("wagtailcore", codename))
    for codename in CLUB_IMAGE_PERMISSIONS:
        GroupCollectionPermission.objects.create(
            group=group, collection=collection, permission=find_permission("wagtailimages", codename)
        )
    return group, collection
