"""Backup and restore of the database and the media files, as one archive.

The database is copied with the database's own tools (SQLite's online backup API,
pg_dump/pg_restore), not with dumpdata/loaddata, which is brittle with Wagtail's page
tree and revisions.
"""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connections

from .page_cache import invalidate

MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.dump"
MEDIA_FOLDER = "media"


class BackupError(Exception):
    pass


def _database():
    return settings.DATABASES["default"]


def _vendor():
    return connections["default"].vendor


def _postgres_environment():
    database = _database()
    environment = dict(os.environ)
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")):
        if database.get(key):
            environment[variable] = str(database[key])
    return environment


def _run(command):
    try:
        subprocess.run(command, env=_postgres_environment(), check=True, capture_output=True, text=True)  # noqa: S603
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed; install the PostgreSQL client tools.") from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.strip()[-500:]}") from error


def create_backup(output_path):
    """Write a .tar.gz with the database, the media folder and a manifest."""
    output_path = Path(output_path)
    output_path.parent.mkdir(parents=True, exist_ok=True)
    vendor = _vendor()
    with tempfile.TemporaryDirectory() as workdir:
        workdir = Path(workdir)
        if vendor == "sqlite":
            source = sqlite3.connect(_database()["NAME"])
            target = sqlite3.connect(workdir / SQLITE_FILE)
            with target:
                source.backup(target)  # consistent even while the site is writing
            source.close()
            target.close()
            database_file = SQLITE_FILE
        elif vendor == "postgresql":
            database_file = POSTGRES_FILE
            _run(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--file={workdir / POSTGRES_FILE}",
                    _database()["NAME"],
                ]
            )
        else:
            raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
        manifest = {
            "created": datetime.datetime.now(datetime.UTC).isoformat(),
            "database": vendor,
            "database_file": database_file,
        }
        (workdir / MANIFEST).write_text(json.dumps(manifest, indent=2))
        with tarfile.open(output_path, "w:gz") as archive:
            archive.add(workdir / MANIFEST, arcname=MANIFEST)
            archive.add(workdir / database_file, arcname=database_file)
            media_root = Path(settings.MEDIA_ROOT)
            if media_root.is_dir():
                archive.add(media_root, arcname=MEDIA_FOLDER)
    return output_path


def restore_backup(archive_path):
    """Replace the database's content and bring back the media files of a backup."""
    archive_path = Path(archive_path)
    if not archive_path.is_file():
        raise BackupError(f"No backup at {archive_path}.")
    with tempfile.TemporaryDirectory() as workdir:
        workdir = Path(workdir)
        try:
            with tarfile.open(archive_path, "r:gz") as archive:
                archive.extractall(workdir, filter="data")  # refuses absolute paths and links out of the folder
        except (tarfile.TarError, OSError) as error:
            raise BackupError(f"{archive_path} is not a readable backup: {error}") from error
        try:
            manifest = json.loads((workdir / MANIFEST).read_text())
        except (OSError, ValueError) as error:
            raise BackupError(f"{archive_path} has no manifest; is it a Quartier backup?") from error
        vendor = _vendor()
        if manifest.get("database") != vendor:
            raise BackupError(
                f"The backup holds a {manifest.get('database')} database; this site runs on {vendor}. "
                "Restore it on the same kind of database."
            )
        connections.close_all()
        if vendor == "sqlite":
            source = sqlite3.connect(workdir / SQLITE_FILE)
            target = sqlite3.connect(_database()["NAME"])
            with target:
                source.backup(target)
            source.close()
            target.close()
        else:
            _run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",
                    f"--dbname={_database()['NAME']}",
                    str(workdir / POSTGRES_FILE),
                ]
            )
        media_backup = workdir / MEDIA_FOLDER
        if media_backup.is_dir():
            shutil.copytree(media_backup, settings.MEDIA_ROOT, dirs_exist_ok=True)
    # Pages and fragments cached in Redis show what was there before the restore.
    invalidate()
    return manifest
