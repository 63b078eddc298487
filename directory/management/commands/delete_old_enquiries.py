from django.conf import settings
from django.core.management.base import BaseCommand

from directory.delivery import delete_expired


class Command(BaseCommand):
    help = "Delete enquiries older than ENQUIRY_RETENTION_DAYS (run daily from a timer)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Override the retention period (default: the setting)."
        )

    def handle(self, *args, days, **options):
        days = settings.ENQUIRY_RETENTION_DAYS if days is None else days
        deleted = delete_expired(days=days)
        self.stdout.write(f"{deleted} enquiries older than {days} days deleted.")
