"""Who may edit which provider and offer: editors everything, a provider account only
its own entry and offers.

Wagtail's snippet permissions are model-wide. The ownership rule lives in a permission
policy (the documented extension point), and because not every generic admin view asks
the policy about the instance it shows (wagtail/wagtail#13314, #6731), the viewsets in
viewsets.py also put every view that takes a primary key behind `owner_guard`,
restrict their listings (and exports) and choosers to owned rows. The tests in
tests/directory/test_provider_permissions.py go through each admin view over HTTP; when
Wagtail enforces instance policies everywhere, the guard can go, the tests stay.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied

from wagtail.permission_policies import ModelPermissionPolicy

# The group every provider account is in; it carries the model permissions (change
# providers, add and change offers) that the policy then narrows to owned rows.
PROVIDER_GROUP_NAME = "Anbieter-Konten"
# What an owner may do with their own rows. Publishing is never among them: an
# editor approves through the moderation workflow.
OWNER_ACTIONS = {"add", "change", "view", "choose", "lock", "unlock"}


# Any one of these on an object lets a user reach the admin views about it.
GUARDED_ACTIONS = ["add", "change", "delete", "publish", "view", "choose", "lock", "unlock"]


def is_provider_account(user):
    """True for a provider's login: restricted to its own entries. Cached on the user
    because a listing asks once per row."""
    if not user.is_authenticated or user.is_superuser:
        return False
    cached = getattr(user, "_quartier_provider_account", None)
    if cached is None:
        cached = user.groups.filter(name=PROVIDER_GROUP_NAME).exists()
        user._quartier_provider_account = cached
    return cached


def owned_provider_ids(user):
    cached = getattr(user, "_quartier_provider_ids", None)
    if cached is None:
        from .models import Provider

        cached = set(Provider.objects.filter(accounts=user).values_list("pk", flat=True))
        user._quartier_provider_ids = cached
    return cached


class OwnershipPermissionPolicy(ModelPermissionPolicy):
    """Model permissions as usual, narrowed for provider accounts to the rows they own.
    `owner_lookup` is the path from the model to Provider's primary key."""

    owner_lookup = "pk"

    def owns(self, user, instance):
        provider_id = instance.pk if self.owner_lookup == "pk" else instance.provider_id
        return provider_id is not None and provider_id in owned_provider_ids(user)

    def owned(self, user, queryset):
        return queryset.filter(**{f"{self.owner_lookup}__in": owned_provider_ids(user)})

    def user_has_permission_for_instance(self, user, action, instance):
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        if is_provider_account(user):
            return action in OWNER_ACTIONS and self.owns(user, instance)
        return True

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = super().instances_user_has_any_permission_for(user, actions)
        if is_provider_account(user):
            if not set(actions) & OWNER_ACTIONS:
                return queryset.none()
            return self.owned(user, queryset)
        return queryset

    def user_has_permission(self, user, action):
        # Publishing and deleting stay with editors even if a group grants them by mistake.
        if is_provider_account(user) and action not in OWNER_ACTIONS:
            return False
        return super().user_has_permission(user, action)


class ProviderPermissionPolicy(OwnershipPermissionPolicy):
    owner_lookup = "pk"


class OfferPermissionPolicy(OwnershipPermissionPolicy):
    owner_lookup = "provider"


def visible_to(user, policy, queryset):
    """`queryset` narrowed to what `user` may see under `policy`."""
    if is_provider_account(user):
        return policy.owned(user, queryset)
    return queryset


def owner_guard(view_class, model, policy):
    """`view_class` refusing, before the view runs, anyone the policy grants nothing
    on the object it names: the check every view taking a primary key gets, whatever
    Wagtail does inside it (some, like the workflow cancellation view, check nothing)."""

    class OwnerGuarded(view_class):
        def dispatch(self, request, *args, **kwargs):
            # Wagtail opens snippet choosers to every admin user; a club account has no
            # business seeing the providers, drafts and all.
            if not policy.user_has_any_permission(request.user, GUARDED_ACTIONS):
                raise PermissionDenied
            pk = kwargs.get("pk")
            if pk is not None:
                instance = model._default_manager.filter(pk=unquote(str(pk))).first()
                if instance is None or not policy.user_has_any_permission_for_instance(
                    request.user, GUARDED_ACTIONS, instance
                ):
                    raise PermissionDenied
            return super().dispatch(request, *args, **kwargs)

    OwnerGuarded.__name__ = OwnerGuarded.__qualname__ = f"OwnerGuarded{view_class.__name__}"
    return OwnerGuarded


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Enquiries are written by residents only: editors may look and delete (a
    resident's request to erase), never add or change."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a not in ("add", "change")])
