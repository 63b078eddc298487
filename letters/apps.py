from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    """The Quartiersbrief: subscriptions, issues, digests (docs/architecture.md)."""

    name = "letters"
    verbose_name = _("Quartiersbrief")

    def ready(self):
        from core.outbox import mail_failed

        from .sending import pause_failed_address

        mail_failed.connect(lambda sender, mail, **kwargs: pause_failed_address(mail), weak=False)
