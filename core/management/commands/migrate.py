"""`migrate`, with the cache table first.

Without Redis the site's shared cache is a database table (settings: CACHES), and
migrations already use the cache (Wagtail clears cached locale names when a locale is
saved): Django's `createcachetable` has to run before them, on a new database too. Doing
it here keeps `migrate` the one step of `make run`, the tests and a deployment."""

from django.core.management import call_command
from django.core.management.commands.migrate import Command as MigrateCommand


class Command(MigrateCommand):
    def handle(self, *args, **options):
        call_command("createcachetable", database=options["database"], verbosity=0)
        super().handle(*args, **options)
