"""Local development: DEBUG on unless switched off, the development secret key allowed."""

import os

from .base import *  # noqa: F403
from .base import DEVELOPMENT_SECRET_KEY, env_bool, refuse_insecure_secret_key

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or DEVELOPMENT_SECRET_KEY  # noqa: F405
# Tasks run at once where they are enqueued, so runserver alone is the whole site;
# TASKS_BACKEND=django_tasks_db.DatabaseBackend with `manage.py worker` tries the worker.
TASKS = {  # noqa: F405
    "default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}
}

if not DEBUG:
    refuse_insecure_secret_key(SECRET_KEY)

# runserver serves static files itself; hashed names only matter with collectstatic.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

# Serve static files straight from the apps, also with DEBUG off (the browser tests run
# that way), without collectstatic.
WHITENOISE_USE_FINDERS = True
