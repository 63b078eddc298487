from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoomsConfig(AppConfig):
    """Community houses and rooms: availability, requests and approval (docs/architecture.md)."""

    name = "rooms"
    verbose_name = _("Community rooms")
