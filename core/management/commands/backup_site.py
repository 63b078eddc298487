import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database and the media files into one .tar.gz archive."

    def add_arguments(self, parser):
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")  # noqa: DTZ005 -- a local file name
        parser.add_argument("--output", default=f"backups/quartier-{stamp}.tar.gz", help="archive to write")

    def handle(self, *args, output, **options):
        try:
            path = create_backup(Path(output))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup written to {path} ({path.stat().st_size // 1024} KiB).")
