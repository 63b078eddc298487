"""What club accounts may do beyond Wagtail's page permissions, and who may onboard a
club. A club's own page and its subtree are granted per group (`clubs.onboarding`);
publishing stays with editors, who approve through the moderation workflow."""

from django.db.models import Q

from wagtail.permission_policies.pages import PagePermissionPolicy

from core.attention import is_editor


def can_onboard(user):
    """Editors who may create groups may onboard a club."""
    return user.is_active and (user.is_superuser or user.has_perm("auth.add_group"))


def choosable_pages(pages, user):
    """The page chooser (for links) shows every page by default, drafts included; a
    club account sees live pages and the pages it may edit, never another club's drafts."""
    if is_editor(user):
        return pages
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["add", "change"])
    return pages.filter(Q(live=True) | Q(pk__in=editable.values("pk")))
