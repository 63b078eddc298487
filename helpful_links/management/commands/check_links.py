from django.core.management.base import BaseCommand

from helpful_links.linkcheck import check_links


class Command(BaseCommand):
    help = (
        "Check every external link of the site and record status and final address. "
        "Changes no content. Run it on a timer, e.g. daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--concurrency", type=int, default=16, help="requests at a time (default 16)")
        parser.add_argument("--timeout", type=float, default=10.0, help="seconds per request (default 10)")

    def handle(self, *args, concurrency, timeout, **options):
        checks = check_links(concurrency=concurrency, timeout=timeout)
        broken = [check for check in checks if check.is_broken]
        self.stdout.write(f"Checked {len(checks)} links, {len(broken)} broken.")
        for check in broken:
            self.stdout.write(f"  broken: {check.url} ({check.error or check.status_code})")
