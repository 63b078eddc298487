from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand
from django.utils import timezone

from wagtail import hooks


def expired_sessions():
    deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return "expired sessions", deleted


def old_login_attempts():
    from axes.models import AccessAttempt

    deleted, _ = AccessAttempt.objects.filter(attempt_time__lt=timezone.now() - settings.AXES_COOLOFF_TIME).delete()
    return "failed login records", deleted


def old_mails():
    from core.outbox import delete_old

    return "mails", delete_old()


class Command(BaseCommand):
    help = (
        "Delete personal data past its retention period: expired sessions, failed-login "
        "records, and what apps register (hook quartier_retention, e.g. old enquiries). "
        "Run daily from a timer."
    )

    def handle(self, *args, **options):
        for purge in [expired_sessions, old_login_attempts, old_mails, *hooks.get_hooks("quartier_retention")]:
            label, deleted = purge()
            self.stdout.write(f"{deleted} {label} deleted.")
