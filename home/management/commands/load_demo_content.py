from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

from wagtail.models import Page

# Each app adds the builder of its own demo content here, in dependency order.
DEMO_BUILDERS = [
    "home.demo.build",
    "news.demo.build",
    "helpful_links.demo.build",
    "directory.demo.build",
    "clubs.demo.build",
    "exchange.demo.build",
    "letters.demo.build",
    "rooms.demo.build",
]
# Last: translates pages and categories the builders above made.
TRANSLATIONS_BUILDER = "home.demo_translations.build"


class Command(BaseCommand):
    help = "Build the demo neighbourhood 'Lindenkiez'. Safe to run again: it updates, never duplicates."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the site already has pages beyond the initial home page.",
        )
        parser.add_argument(
            "--without-translations",
            action="store_true",
            help="Leave out the English, Turkish, Arabic and Ukrainian demo translations.",
        )

    def handle(self, *args, if_empty=False, without_translations=False, **options):
        if if_empty and Page.objects.filter(depth__gt=2).exists():
            self.stdout.write("The site already has content; demo content not loaded.")
            return
        with transaction.atomic():
            builders = DEMO_BUILDERS if without_translations else [*DEMO_BUILDERS, TRANSLATIONS_BUILDER]
            for builder in builders:
                import_string(builder)(stdout=self.stdout)
        # Offers become public with their provider's consent, after their own save: the
        # vocabulary learns them from what is public at the end.
        call_command("rebuild_search_words", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
