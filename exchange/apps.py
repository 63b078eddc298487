from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    """The Tauschbörse: residents give away, lend and swap things and time."""

    name = "exchange"
    verbose_name = _("Swap board")

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate

        from .models import SwapPost

        post_delete.connect(_delete_photo, sender=SwapPost, dispatch_uid="exchange_delete_photo")
        post_migrate.connect(ensure_mentor_group, sender=self)


MENTOR_GROUP = "Tauschbörse-Mentoren"
MENTOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("exchange", "moderate_swappost"),
    ("exchange", "add_swapcategory"),
    ("exchange", "change_swapcategory"),
    ("exchange", "delete_swapcategory"),
]


def ensure_mentor_group(using="default", **kwargs):
    """The mentor looks after the board (moderation, categories, posts for residents
    who called) without being an editor: a group with exactly that, made by `migrate`
    after the permissions exist."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    # Django makes the permissions in a post_migrate receiver of its own, which may run
    # after this one.
    create_permissions(apps.get_app_config("exchange"), verbosity=0, using=using)
    group, _created = Group.objects.using(using).get_or_create(name=MENTOR_GROUP)
    wanted = [
        Permission.objects.using(using).filter(content_type__app_label=app, codename=codename).first()
        for app, codename in MENTOR_PERMISSIONS
    ]
    group.permissions.add(*[permission for permission in wanted if permission is not None])


def _delete_photo(sender, instance, **kwargs):
    # The photo is the resident's too: it goes with the post, not with a later cleanup.
    if instance.photo:
        instance.photo.delete(save=False)
