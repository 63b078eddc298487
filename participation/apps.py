from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

# Wagtail's own groups of editors review every kind of contribution.
REVIEWING_GROUPS = ["Editors", "Moderators"]


def let_editors_review(using="default", **kwargs):
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission

    # Django makes the permissions in a post_migrate receiver of its own, which may run
    # after this one.
    create_permissions(apps.get_app_config("participation"), verbosity=0, using=using)
    permission = Permission.objects.using(using).get(
        content_type__app_label="participation", codename="moderate_contribution"
    )
    for group in Group.objects.using(using).filter(name__in=REVIEWING_GROUPS):
        group.permissions.add(permission)


class ParticipationConfig(AppConfig):
    """The life cycle every resident contribution shares (docs/architecture.md)."""

    name = "participation"
    verbose_name = _("Participation")

    def ready(self):
        post_migrate.connect(let_editors_review, sender=self)
