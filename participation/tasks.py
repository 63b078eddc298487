"""The life cycle's schedule: reminders before the end and expiry, every quarter of an
hour (settings.PERIODIC_TASKS). Deletion after the retention period runs with the
daily retention job (wagtail_hooks.py)."""

from django_tasks import task

from .lifecycle import expire_due, remind_due


@task()
def run_life_cycle():
    return {"reminded": remind_due(), "expired": expire_due()}
