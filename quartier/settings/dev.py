"""Local development: DEBUG on unless switched off, the development secret key allowed."""

from .base import *  # noqa: F403
from .base import DEVELOPMENT_SECRET_KEY, env_bool, refuse_insecure_secret_key

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or DEVELOPMENT_SECRET_KEY  # noqa: F405

if not DEBUG:
    refuse_insecure_secret_key(SECRET_KEY)

# runserver serves static files itself; hashed names only matter with collectstatic.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

# Serve static files straight from the apps, also with DEBUG off (the browser tests run
# that way), without collectstatic.
WHITENOISE_USE_FINDERS = True
