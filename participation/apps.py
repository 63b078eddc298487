from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    """The life cycle every resident contribution shares (docs/architecture.md)."""

    name = "participation"
    verbose_name = _("Participation")
