from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from clubs.models import ClubIndexPage
from clubs.onboarding import onboard_club


class Command(BaseCommand):
    help = (
        "Onboard a club in one step: its page (a draft unless --publish), a group that may edit "
        "that page only, an image collection, and an invitation to the contact to set a password."
    )

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument("email")
        parser.add_argument("--contact", default="", help="Name of the club's contact person")
        parser.add_argument("--summary", default="")
        parser.add_argument("--publish", action="store_true", help="Publish the page at once")
        parser.add_argument("--index", type=int, help="ID of the club index page (default: the first)")

    def handle(self, *args, name, email, contact, summary, publish, index, **options):
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"Not an e-mail address: {email}") from error
        indexes = ClubIndexPage.objects.all()
        index_page = indexes.filter(pk=index).first() if index else indexes.first()
        if index_page is None:
            raise CommandError("There is no club index page to put the club under.")
        result = onboard_club(index_page, name, email, contact_name=contact, summary=summary, publish=publish)
        self.stdout.write(
            f"Club page {result.page.pk} ({'live' if publish else 'draft'}), group '{result.group.name}', "
            f"collection '{result.collection.name}'; invitation sent to {result.user.email}."
        )
