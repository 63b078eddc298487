from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by backup_site: replaces the database's content and brings "
        "back the media files. Stop the app processes first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the .tar.gz written by backup_site")
        parser.add_argument("--yes", action="store_true", help="do not ask before replacing the database")

    def handle(self, *args, archive, yes, **options):
        if not yes and input("This replaces everything in the database. Type 'yes' to go on: ") != "yes":
            raise CommandError("Nothing restored.")
        try:
            manifest = restore_backup(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored the backup of {manifest['created']}.")
