from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelpfulLinksConfig(AppConfig):
    name = "helpful_links"
    verbose_name = _("Helpful links")
