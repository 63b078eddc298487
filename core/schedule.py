"""Periodic background jobs, enqueued by the worker: no cron needed.

settings.PERIODIC_TASKS names each job, its task and when it is due ("every 5 minutes",
"daily 03:15", "monday 07:00", in the site's time zone). `manage.py worker` checks the
schedule twice a minute beside the task worker and enqueues each job once per due time.

Every worker on every machine may check the schedule: a job's due time is claimed with
one conditional UPDATE of its ScheduledJob row (last_due < due), so only one of them
enqueues it. A job that was due several times while no worker ran is enqueued once, for
its latest due time. A job new to the schedule first runs at its next due time.
"""

import logging
import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import ScheduledJob

logger = logging.getLogger(__name__)

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_EVERY = re.compile(r"every (\d+) minutes?")
_AT = re.compile(r"(daily|" + "|".join(WEEKDAYS) + r") (\d{1,2}):(\d{2})")


@dataclass(frozen=True)
class Job:
    name: str
    task: str
    when: str


def latest_due(when, now):
    """The last time at or before `now` at which a job scheduled `when` was due."""
    if match := _EVERY.fullmatch(when):
        interval = int(match[1]) * 60
        return datetime.fromtimestamp(now.timestamp() // interval * interval, tz=now.tzinfo)
    if match := _AT.fullmatch(when):
        day, hour, minute = match[1], int(match[2]), int(match[3])
        local_now = timezone.localtime(now)
        date = local_now.date()
        step = timedelta(days=1)
        if day != "daily":
            date -= timedelta(days=(date.weekday() - WEEKDAYS.index(day)) % 7)
            step = timedelta(days=7)
        due = timezone.make_aware(datetime.combine(date, time(hour, minute)))
        return due if due <= local_now else timezone.make_aware(datetime.combine(date - step, time(hour, minute)))
    raise ValueError(f"Unknown schedule {when!r}: use 'every N minutes', 'daily HH:MM' or '<weekday> HH:MM'.")


def jobs():
    return [Job(name, entry["task"], entry["when"]) for name, entry in settings.PERIODIC_TASKS.items()]


def enqueue_due(now=None):
    """Enqueue every job whose due time has come since it last ran; returns their names."""
    now = now or timezone.now()
    enqueued = []
    for job in jobs():
        due = latest_due(job.when, now)
        _, created = ScheduledJob.objects.get_or_create(name=job.name, defaults={"last_due": due})
        if created:
            continue
        with transaction.atomic():
            if ScheduledJob.objects.filter(name=job.name, last_due__lt=due).update(last_due=due):
                import_string(job.task).enqueue()
                enqueued.append(job.name)
    if enqueued:
        logger.info("Enqueued %s", ", ".join(enqueued))
    return enqueued
