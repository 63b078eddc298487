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


def hiding_unreachable_pages(bulk_action_class):
    """A page bulk action whose confirmation names only the pages the account can see.

    Wagtail lists every page asked for by id, with its title, under "you don't have
    permission": a club account typing another club's ids would read its drafts'
    titles. Pages outside what the account may explore are left out of that list."""

    class ReachablePagesOnly(bulk_action_class):
        def get_actionable_objects(self):
            objects, context = super().get_actionable_objects()
            refused = context["items_with_no_access"]
            user = self.request.user
            if refused and not is_editor(user):
                explorable = set(
                    PagePermissionPolicy()
                    .explorable_instances(user)
                    .filter(pk__in=[page.pk for page in refused])
                    .values_list("pk", flat=True)
                )
                context["items_with_no_access"] = [page for page in refused if page.pk in explorable]
            return objects, context

    ReachablePagesOnly.__name__ = bulk_action_class.__name__
    return ReachablePagesOnly
