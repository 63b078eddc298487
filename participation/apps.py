from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

# Wagtail's own groups of editors review every kind of contribution.
REVIEWING_GROUPS = ["Editors", "Moderators"]


def let_editors_review(using="default", **kwargs):
    from core.apps import grant_to_groups

    grant_to_groups("participation", REVIEWING_GROUPS, using=using, codename="moderate_contribution")


class ParticipationConfig(AppConfig):
    """The life cycle every resident contribution shares (docs/architecture.md)."""

    name = "participation"
    verbose_name = _("Participation")

    def ready(self):
        post_migrate.connect(let_editors_review, sender=self)
