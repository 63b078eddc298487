"""The site-wide periodic jobs as tasks (settings.PERIODIC_TASKS runs them). Each runs
the management command an operator without a worker runs from cron instead, so both
ways do the same; the task returns the command's report, kept with the task result."""

from io import StringIO

from django_tasks import task, task_backends
from django_tasks_db import DatabaseBackend

from django.conf import settings
from django.core.management import call_command


def _report(command, **options):
    output = StringIO()
    call_command(command, stdout=output, **options)
    return output.getvalue().strip()


@task()
def publish_scheduled_pages():
    return _report("publish_scheduled")


@task()
def enforce_retention():
    return _report("enforce_retention")


@task()
def send_attention_digest():
    return _report("send_attention_digest")


@task()
def prune_finished_tasks():
    if not isinstance(task_backends["default"], DatabaseBackend):
        return "Tasks are not kept in the database."
    return _report("prune_db_task_results", min_age_days=settings.TASK_RESULT_DAYS)


@task()
def send_mail(pk):
    from .outbox import send_now

    result = send_now(pk)
    return "not due" if result is None else ("sent" if result else "to retry")


@task()
def send_due_mails():
    from .outbox import send_due

    sent, failed = send_due()
    return {"sent": sent, "to_retry": failed}


@task()
def learn_search_words(app_label, model_name, pk):
    from django.apps import apps

    from .vocabulary import learn

    obj = apps.get_model(app_label, model_name).objects.filter(pk=pk).first()
    return learn(obj) if obj else 0


@task()
def rebuild_search_words():
    return _report("rebuild_search_words")
