import json

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.personal_data import delete, export


class Command(BaseCommand):
    help = (
        "Export or delete everything stored about one person, found by e-mail address "
        "and/or phone number: enquiries, accounts and whatever else apps register."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "delete"])
        parser.add_argument("--email", default="")
        parser.add_argument("--phone", default="")
        parser.add_argument("--yes", action="store_true", help="delete without asking")

    def handle(self, *args, action, email, phone, yes, **options):
        email, phone = email.strip(), phone.strip()
        if not email and not phone:
            raise CommandError("Give --email and/or --phone of the person.")
        found = export(email, phone)
        if action == "export":
            self.stdout.write(json.dumps(found, indent=2, ensure_ascii=False, default=str))
            return
        summary = ", ".join(f"{len(rows)} {label}" for label, rows in found.items())
        if not any(found.values()):
            self.stdout.write("Nothing stored for this person.")
            return
        if not yes and input(f"Delete {summary}? Type 'yes': ") != "yes":
            raise CommandError("Nothing deleted.")
        with transaction.atomic():
            deleted = delete(email, phone)
        self.stdout.write("Deleted: " + ", ".join(f"{count} {label}" for label, count in deleted.items()))
