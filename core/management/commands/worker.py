import logging
import threading
import time

from django_tasks import task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils.crypto import get_random_string

from core.schedule import enqueue_due

logger = logging.getLogger(__name__)


def keep_schedule(interval):
    while True:
        try:
            enqueue_due()
        except Exception:  # the next look tries again; the worker must not stop over one
            logger.exception("The schedule could not be checked")
        finally:
            close_old_connections()
        time.sleep(interval)


class Command(BaseCommand):
    help = (
        "Run the background worker: the tasks the site enqueues (enquiry mails, search index, ...) "
        "and the periodic jobs of settings.PERIODIC_TASKS. Several may run, on one machine or several."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1, help="Seconds between looks for tasks when idle.")
        parser.add_argument(
            "--schedule-interval", type=float, default=30, help="Seconds between looks at the schedule."
        )
        parser.add_argument("--batch", action="store_true", help="Run the waiting tasks, then stop (no periodic jobs).")

    def handle(self, *args, interval, schedule_interval, batch, **options):
        if not isinstance(task_backends["default"], DatabaseBackend):
            # Tasks run where they are enqueued (the immediate backend of `make dev`);
            # the schedule is all a worker has to keep.
            keep_schedule(schedule_interval)
            return
        if not batch:
            threading.Thread(target=keep_schedule, args=(schedule_interval,), daemon=True, name="schedule").start()
        # django-tasks-db's own worker loop (its `db_worker` command runs the same), so
        # that claiming a task stays theirs; logging follows settings.LOGGING.
        worker = Worker(
            queue_names=["default"],
            excluded_queue_names=[],
            interval=interval,
            batch=batch,
            backend_name="default",
            startup_delay=not batch,
            max_tasks=None,
            worker_id=get_random_string(32),
        )
        worker.configure_signals()
        worker.run()
