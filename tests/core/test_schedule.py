"""The periodic jobs run by the worker (core/schedule.py): each at its time in the
site's time zone, once per due time however many workers look, with the clock set by
the test."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django_tasks import task_backends
from django_tasks.base import Task

from django.conf import settings
from django.utils.module_loading import import_string

from core.models import ScheduledJob
from core.schedule import enqueue_due, latest_due

BERLIN = ZoneInfo("Europe/Berlin")
EVERY_MINUTE = {"deliver due enquiries", "send due mails", "publish scheduled pages"}
EVERY_QUARTER_HOUR = {"contribution reminders and expiry", "release unconfirmed room requests"}


def at(day, hour, minute, second=0, month=11):
    """A time in the site's zone; 2026-11-30 is a Monday."""
    return datetime(2026, month, day, hour, minute, second, tzinfo=BERLIN)


def enqueued_at(now):
    enqueued = enqueue_due(now)
    assert len(enqueued) == len(set(enqueued))
    return set(enqueued)


@pytest.fixture
def dummy_backend(settings):
    """Tasks are recorded, not run: the link check would go to the network."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    return task_backends["default"]


def test_every_job_names_a_task_and_a_time_the_schedule_understands():
    for name, entry in settings.PERIODIC_TASKS.items():
        assert isinstance(import_string(entry["task"]), Task), name
        latest_due(entry["when"], at(30, 12, 0))


@pytest.mark.parametrize(
    ("when", "now", "due"),
    [
        ("every 1 minute", at(30, 6, 58, 59), at(30, 6, 58)),
        ("every 15 minutes", at(30, 7, 14, 59), at(30, 7, 0)),
        ("daily 03:15", at(30, 3, 15), at(30, 3, 15)),
        ("daily 03:15", at(30, 3, 14, 59), at(29, 3, 15)),
        ("monday 07:00", at(30, 7, 0), at(30, 7, 0)),
        ("monday 07:00", at(30, 6, 59), at(23, 7, 0)),
        ("sunday 07:00", at(30, 6, 59), at(29, 7, 0)),
        # Across the change to summer time a daily job keeps its local hour.
        ("daily 03:15", at(29, 12, 0, month=3), at(29, 3, 15, month=3)),
    ],
)
def test_latest_due_time(when, now, due):
    assert latest_due(when, now) == due


def test_an_unknown_schedule_is_refused_with_the_forms_it_knows():
    with pytest.raises(ValueError, match="every N minutes"):
        latest_due("hourly", at(30, 7, 0))


@pytest.mark.django_db
def test_each_job_runs_at_its_time_and_once(dummy_backend):
    assert enqueue_due(at(30, 6, 58, 10)) == []  # a new schedule starts at the next due time
    assert ScheduledJob.objects.count() == len(settings.PERIODIC_TASKS)
    assert enqueue_due(at(30, 6, 58, 40)) == []
    assert enqueued_at(at(30, 6, 59)) == EVERY_MINUTE
    # A second worker looking at the same moment enqueues nothing more.
    assert enqueue_due(at(30, 6, 59, 1)) == []
    assert enqueued_at(at(30, 7, 0, 5)) == {
        *EVERY_MINUTE,
        *EVERY_QUARTER_HOUR,
        "send attention digest",
        "send Quartiersbrief digests",
    }
    assert enqueued_at(at(30, 8, 0, 5)) == {*EVERY_MINUTE, *EVERY_QUARTER_HOUR, "remind clubs of unanswered volunteers"}
    assert enqueued_at(at(1, 3, 15, month=12)) == {*EVERY_MINUTE, *EVERY_QUARTER_HOUR, "check links"}
    assert enqueued_at(at(1, 4, 0, month=12)) == {
        *EVERY_MINUTE,
        *EVERY_QUARTER_HOUR,
        "rebuild search words",
        "enforce retention",
        "forget finished tasks",
    }
    # Down for a day: each job once, not once per missed time.
    assert enqueued_at(at(2, 4, 30, month=12)) == {
        *EVERY_MINUTE,
        *EVERY_QUARTER_HOUR,
        "send Quartiersbrief digests",
        "remind clubs of unanswered volunteers",
        "check links",
        "rebuild search words",
        "enforce retention",
        "forget finished tasks",
    }
    enqueued = [result.task.module_path for result in dummy_backend.results]
    assert enqueued.count("core.tasks.send_attention_digest") == 1
    assert enqueued.count("directory.tasks.deliver_due_enquiries") == 6
