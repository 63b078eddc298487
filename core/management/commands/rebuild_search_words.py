from django.core.management.base import BaseCommand

from core.vocabulary import rebuild


class Command(BaseCommand):
    help = (
        "Make the site search's vocabulary (compounds, typos, 'Did you mean') anew from "
        "what is public now. Runs every night; run it after update_index."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{rebuild()} words")
