"""Benchmark: one Quartiersbrief issue to 5,000 subscribers, through a real SMTP server
on loopback (aiosmtpd, in a process of its own so that its memory is not counted).

Builds the demo in a throwaway SQLite database (or BENCH_LETTERS_DATABASE_URL, e.g.
PostgreSQL), adds BENCH_SUBSCRIBERS confirmed subscribers in five languages, then
does what the worker does after "send": queue_issue (one outbox row per subscriber,
rendered once per language) and send_queued (batches over one SMTP connection).
Prints the time of each step, the time per mail and the worker's peak memory. Run by
`make benchmark`, or alone: `.venv/bin/python benchmarks/letters.py`.
"""

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
SUBSCRIBERS = int(os.environ.get("BENCH_SUBSCRIBERS", "5000"))
SMTP_SERVER = """
import asyncio, sys
from aiosmtpd.controller import Controller

class Count:
    received = 0
    async def handle_DATA(self, server, session, envelope):
        Count.received += 1
        return "250 OK"

controller = Controller(Count(), hostname="127.0.0.1", port=int(sys.argv[1]))
controller.start()
print("ready", flush=True)
sys.stdin.read()
print(Count.received, flush=True)
controller.stop()
"""


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def add_subscribers(count):
    from django.db import transaction
    from django.utils import timezone

    from letters.models import Subscription
    from participation.models import Resident, State

    languages = ["de", "de", "de", "en", "tr", "ar", "uk"]
    now = timezone.now()
    with transaction.atomic():
        residents = Resident.objects.bulk_create(
            Resident(email=f"leser{number}@example.org", confirmed_at=now) for number in range(count)
        )
        for number, resident in enumerate(residents):
            Subscription.objects.create(
                resident=resident,
                title="Quartiersbrief",
                language=languages[number % len(languages)],
                frequency="quarterly",
                state=State.PUBLISHED,
                confirmed_at=now,
                consented_at=now,
                published_at=now,
            )


def main():
    database = os.environ.get("BENCH_LETTERS_DATABASE_URL") or f"sqlite:///{Path(tempfile.mkdtemp()) / 'letters.db'}"
    sys.path.insert(0, str(PROJECT_DIR))
    from tests.mail import free_port

    port = free_port()
    os.environ.update(
        DJANGO_SETTINGS_MODULE="benchmarks.settings", DATABASE_URL=database, REDIS_URL="", EMAIL_PORT=str(port)
    )
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from letters.models import LetterIssuePage
    from letters.sending import queue_issue, send_queued

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", "--without-translations", stdout=open(os.devnull, "w"))  # noqa: SIM115
    started = time.perf_counter()
    add_subscribers(SUBSCRIBERS)
    seeded = time.perf_counter() - started

    server = subprocess.Popen(
        [sys.executable, "-c", SMTP_SERVER, str(port)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    if server.stdout.readline().strip() != "ready":
        raise SystemExit("the SMTP server did not start")
    issue = LetterIssuePage.objects.get(slug="herbst")
    before = peak_mb()
    started = time.perf_counter()
    queued = queue_issue(issue.pk)
    queue_seconds = time.perf_counter() - started
    started = time.perf_counter()
    while send_queued():
        pass
    send_seconds = time.perf_counter() - started
    received = int(server.communicate("")[0].strip())
    vendor = django.db.connection.vendor
    print(f"\nOne issue to {SUBSCRIBERS} subscribers on {vendor} (seeded in {seeded:.1f} s):\n")
    print("| step | result |")
    print("| --- | --- |")
    print(f"| queue_issue (render per language, outbox rows in batches) | {queued} mails in {queue_seconds:.1f} s |")
    print(f"| send_queued (SMTP over loopback, batches of 200) | {received} received in {send_seconds:.1f} s |")
    print(f"| per mail, queue and send | {(queue_seconds + send_seconds) * 1000 / max(queued, 1):.2f} ms |")
    print(f"| worker's peak memory (before, after) | {before:.0f} MB, {peak_mb():.0f} MB |")
    if received != queued:
        raise SystemExit(f"{queued} queued but {received} received")


if __name__ == "__main__":
    main()
