from django_tasks import task

from .linkcheck import check_links


@task()
def check_links_task():
    """The scheduled form of `manage.py check_links`, for a task worker or a timer."""
    checks = check_links()
    return {"checked": len(checks), "broken": sum(1 for check in checks if check.is_broken)}
