"""Clubs that have not answered a volunteer within VOLUNTEER_ANSWER_DAYS are reminded
once (settings.PERIODIC_TASKS)."""

from django_tasks import task

from .interests import remind_clubs


@task()
def remind_clubs_task():
    return {"reminded": remind_clubs()}
