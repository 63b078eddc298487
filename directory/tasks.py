"""Enquiry delivery as tasks. The enquiry row stays the record of its state and
attempts (directory/delivery.py): a task only asks for a delivery, so a lost or
repeated task loses or doubles nothing, and the sweep every minute (settings.
PERIODIC_TASKS) sends what is still due, retries after failures included."""

import logging

from django_tasks import task

from django.db import transaction
from django.utils import timezone

from .delivery import claim, deliver, deliver_due

logger = logging.getLogger(__name__)


@task()
def deliver_enquiry(pk):
    token = claim(pk, timezone.now())
    if token is None:
        return "not due"  # delivered already, or claimed by another worker
    return "delivered" if deliver(pk, token) else "to retry"


@task()
def deliver_due_enquiries():
    delivered, failed = deliver_due()
    return {"delivered": delivered, "to_retry": failed}


def deliver_after_commit(enquiry):
    """Ask for the enquiry's delivery once it is stored, never before: a worker must
    find the row. If the queue cannot take the task, the sweep sends the enquiry."""

    def enqueue():
        try:
            deliver_enquiry.enqueue(enquiry.pk)
        except Exception:
            logger.exception("Delivery of enquiry %s not enqueued; the sweep will send it", enquiry.pk)

    transaction.on_commit(enqueue)
