import time

from django.core.management.base import BaseCommand

from directory.delivery import deliver_due, retry
from directory.models import Enquiry, EnquiryState


class Command(BaseCommand):
    help = (
        "Send the stored enquiries that are due to providers and residents. Run it every minute "
        "from a timer (cron, systemd); several runs at once are safe."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=100, help="At most this many enquiries per run.")
        parser.add_argument(
            "--loop",
            type=int,
            default=0,
            metavar="SECONDS",
            help="Keep running and look for due enquiries every SECONDS (for a worker process instead of a timer).",
        )

        parser.add_argument(
            "--retry-failed",
            action="store_true",
            help="First put enquiries that failed for good back into the queue (after fixing an address).",
        )

    def handle(self, *args, limit, loop, retry_failed, **options):
        if retry_failed:
            count = retry(Enquiry.objects.filter(state=EnquiryState.FAILED))
            self.stdout.write(f"{count} failed enquiries queued again.")
        while True:
            delivered, failed = deliver_due(limit=limit)
            if delivered or failed or options["verbosity"] > 1:
                self.stdout.write(f"{delivered} enquiries delivered, {failed} to retry later.")
            if loop <= 0:
                return
            time.sleep(loop)
