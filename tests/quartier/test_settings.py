"""Production must not start with a known or missing secret key, and must pass Django's
deployment checks. Each case runs in a fresh process, as a real start would."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
STRONG_KEY = "k3Jx9-pQ2vN7wL4sT8yB1mR6cF0hZ5dG3aE9uK2iO7pW4qX8nV1bM6tY0jH5lS"


def run_manage(*args, settings_module="quartier.settings.production", **environment):
    env = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DEBUG"}}
    env.update(environment, DJANGO_SETTINGS_MODULE=settings_module)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY is missing" in result.stderr


def test_production_refuses_the_development_key():
    result = run_manage("check", SECRET_KEY="django-insecure-quartier-development-key-never-use-in-production")
    assert result.returncode != 0
    assert "development key" in result.stderr


def test_production_refuses_a_short_key():
    result = run_manage("check", SECRET_KEY="short")
    assert result.returncode != 0
    assert "too weak" in result.stderr


def test_development_settings_with_debug_off_refuse_the_development_key():
    result = run_manage("check", settings_module="quartier.settings.dev", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY is missing" in result.stderr


def test_development_settings_start_without_configuration():
    result = run_manage("check", settings_module="quartier.settings.dev")
    assert result.returncode == 0, result.stderr


def test_check_deploy_reports_nothing_in_production():
    result = run_manage(
        "check", "--deploy", "--fail-level", "DEBUG", SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS="quartier.example.org"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize(
    ("database_url", "engine"),
    [
        ("", "django.db.backends.sqlite3"),
        ("postgres://quartier:secret@db.internal:5432/quartier", "django.db.backends.postgresql"),
    ],
)
def test_database_chosen_by_database_url(database_url, engine):
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    result = run_manage("shell", "-c", code, settings_module="quartier.settings.dev", DATABASE_URL=database_url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == engine


def test_redis_url_switches_the_cache_to_redis():
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    result = run_manage(
        "shell", "-c", code, settings_module="quartier.settings.dev", REDIS_URL="redis://127.0.0.1:6379/3"
    )
    assert result.stdout.strip().splitlines()[-1] == "django.core.cache.backends.redis.RedisCache"


def test_production_serves_compressed_static_files_with_hashed_names(tmp_path):
    production = {"SECRET_KEY": STRONG_KEY, "STATIC_ROOT": str(tmp_path), "ALLOWED_HOSTS": "testserver"}
    collected = run_manage("collectstatic", "--noinput", "-v0", **production)
    assert collected.returncode == 0, collected.stderr
    code = (
        "from django.test import Client; from django.templatetags.static import static; "
        "url = static('home/css/quartier.css'); "
        "response = Client(headers={'accept-encoding': 'gzip'}).get(url, secure=True); "
        "print(url, response.status_code, response.get('Content-Encoding'), response.get('Cache-Control'))"
    )
    served = run_manage("shell", "-c", code, **production)
    assert served.returncode == 0, served.stderr
    url, status, encoding, cache_control = served.stdout.strip().splitlines()[-1].split(" ", 3)
    assert (
        url.startswith("/static/home/css/quartier.") and url.endswith(".css") and url != "/static/home/css/quartier.css"
    )
    assert (status, encoding) == ("200", "gzip")
    assert "immutable" in cache_control
