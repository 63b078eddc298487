"""The rooms' schedule (settings.PERIODIC_TASKS): times held for a request nobody
confirmed are given back after ROOMS_UNCONFIRMED_HOLD_HOURS, so that a mistyped address
or a bot cannot keep a room."""

from datetime import timedelta

from django_tasks import task

from django.conf import settings
from django.utils import timezone

from core.page_cache import invalidate
from participation.models import State

from .models import RoomRequest


def release_unconfirmed(now=None):
    now = now or timezone.now()
    stale = RoomRequest.objects.filter(
        state=State.UNCONFIRMED, created_at__lt=now - timedelta(hours=settings.ROOMS_UNCONFIRMED_HOLD_HOURS)
    )
    deleted, _by_model = stale.delete()
    if deleted:
        invalidate()
    return deleted


@task()
def release_unconfirmed_task():
    return {"released": release_unconfirmed()}
