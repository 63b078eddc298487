"""The Quartiersbrief's work for the worker: an issue's mails are queued in batches
and sent over one SMTP connection per batch; the digests run every morning
(settings.PERIODIC_TASKS) and go out on Mondays (weekly) and on the 1st (monthly)."""

from django_tasks import task

from .sending import queue_issue, send_digests, send_queued


@task()
def queue_issue_task(page_pk):
    queued = queue_issue(page_pk)
    send_letters_task.enqueue()
    return {"queued": queued}


@task()
def send_letters_task():
    """Sends for a few minutes, then hands on to a fresh task, so that one run never
    holds a worker for the whole list; the minute's sweep would send the rest too."""
    if send_queued():
        send_letters_task.enqueue()
        return "more to send"
    return "all sent"


@task()
def send_digests_task():
    return {"queued": send_digests()}
