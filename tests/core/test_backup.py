"""Back up, wipe, restore: every row and every media file comes back, on SQLite and on
PostgreSQL. Runs in separate processes against a throwaway database, as an operator
would, because pg_dump cannot see a test's uncommitted transaction."""

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from django.conf import settings
from django.db import connection

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent

# Every model's row count, plus the media files the images point to.
STATE = """
import json
from django.apps import apps
from django.core.files.storage import default_storage
from wagtail.images.models import Image
counts = {m._meta.label: m.objects.count() for m in apps.get_models() if not m._meta.proxy}
counts.pop("sessions.Session", None)
files = sorted(image.file.name for image in Image.objects.all())
print(json.dumps({"counts": counts, "files": files, "missing": [f for f in files if not default_storage.exists(f)]}))
"""


def manage(environment, *args, stdin=None):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        input=stdin,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def state(environment):
    return json.loads(manage(environment, "shell", "-c", STATE).strip().splitlines()[-1])


def round_trip(environment, wipe, tmp_path):
    manage(environment, "migrate", "--noinput", "-v0")
    manage(environment, "load_demo_content")
    before = state(environment)
    assert before["counts"]["wagtailcore.Page"] > 5 and before["files"]
    archive = tmp_path / "backup.tar.gz"
    manage(environment, "backup_site", "--output", str(archive))

    wipe()
    shutil.rmtree(environment["MEDIA_ROOT"])

    manage(environment, "restore_site", str(archive), "--yes")
    after = state(environment)
    assert after == before
    assert after["missing"] == []


def environment_for(database_url, tmp_path):
    environment = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    environment.update(DATABASE_URL=database_url, MEDIA_ROOT=str(tmp_path / "media"), DEBUG="1")
    return environment


def test_round_trip_on_sqlite(tmp_path):
    database = tmp_path / "site.sqlite3"
    environment = environment_for(f"sqlite:///{database}", tmp_path)

    def wipe():
        for path in tmp_path.glob("site.sqlite3*"):
            path.unlink()

    round_trip(environment, wipe, tmp_path)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="runs in the PostgreSQL run of the suite")
def test_round_trip_on_postgresql(tmp_path):
    database = settings.DATABASES["default"]
    name = f"quartier_backup_{uuid.uuid4().hex[:8]}"
    host, port = database["HOST"] or "127.0.0.1", database["PORT"] or 5432
    server = f"postgres://{database['USER']}:{database['PASSWORD']}@{host}:{port}"
    pg_environment = {**os.environ, "PGHOST": database["HOST"] or "127.0.0.1", "PGUSER": database["USER"]}
    if database["PASSWORD"]:
        pg_environment["PGPASSWORD"] = database["PASSWORD"]
    if database["PORT"]:
        pg_environment["PGPORT"] = str(database["PORT"])
    subprocess.run(["createdb", name], env=pg_environment, check=True)
    environment = environment_for(f"{server}/{name}", tmp_path)

    def wipe():
        subprocess.run(["dropdb", name], env=pg_environment, check=True)
        subprocess.run(["createdb", name], env=pg_environment, check=True)

    try:
        round_trip(environment, wipe, tmp_path)
    finally:
        subprocess.run(["dropdb", "--if-exists", name], env=pg_environment, check=False)


def test_restore_refuses_what_is_not_a_backup(tmp_path):
    environment = environment_for(f"sqlite:///{tmp_path / 'x.sqlite3'}", tmp_path)
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not an archive")
    result = subprocess.run(
        [sys.executable, "manage.py", "restore_site", str(junk), "--yes"],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "is not a readable backup" in result.stderr
