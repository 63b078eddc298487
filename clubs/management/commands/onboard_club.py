from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from clubs.models import ClubIndexPage, ClubPage
from clubs.onboarding import DuplicateClub, described, grant_club_access, onboard_club, same_name_pages


class Command(BaseCommand):
    help = (
        "Onboard a club in one step: its page (a draft unless --publish), a group that may edit "
        "that page only, an image collection, and an invitation to the contact to set a password. "
        "For a club whose page exists already, --existing (or --page ID) gives the contact an "
        "account for that page instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument("email")
        parser.add_argument("--contact", default="", help="Name of the club's contact person")
        parser.add_argument("--summary", default="")
        parser.add_argument("--publish", action="store_true", help="Publish the page at once")
        parser.add_argument("--index", type=int, help="ID of the club index page (default: the first)")
        parser.add_argument("--existing", action="store_true", help="Onboard onto the existing club page of this name")
        parser.add_argument("--page", type=int, help="ID of the existing club page to onboard onto")
        parser.add_argument(
            "--allow-duplicate",
            action="store_true",
            help="Make a new page although a club page of this name exists",
        )

    def handle(self, *args, name, email, contact, summary, publish, index, existing, page, allow_duplicate, **options):
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"Not an e-mail address: {email}") from error
        indexes = ClubIndexPage.objects.all()
        index_page = indexes.filter(pk=index).first() if index else indexes.first()
        if index_page is None:
            raise CommandError("There is no club index page to put the club under.")
        if page or existing:
            club_page = self._existing_page(index_page, name, page)
            result = grant_club_access(club_page, email, contact_name=contact)
            self.stdout.write(
                f"Club page {club_page.pk} ({club_page.title}), group '{result.group.name}'; "
                f"invitation sent to {result.user.email}."
            )
            return
        try:
            result = onboard_club(
                index_page,
                name,
                email,
                contact_name=contact,
                summary=summary,
                publish=publish,
                allow_duplicate=allow_duplicate,
            )
        except DuplicateClub as duplicate:
            raise CommandError(
                f"A club page of this name exists already: {duplicate}. Use --existing (or --page ID) to give "
                "that club an account, or --allow-duplicate to make a second page."
            ) from duplicate
        self.stdout.write(
            f"Club page {result.page.pk} ({'live' if publish else 'draft'}), group '{result.group.name}', "
            f"collection '{result.collection.name}'; invitation sent to {result.user.email}."
        )

    def _existing_page(self, index_page, name, page_id):
        if page_id:
            club_page = ClubPage.objects.filter(pk=page_id).first()
            if club_page is None:
                raise CommandError(f"There is no club page with the ID {page_id}.")
            return club_page
        pages = same_name_pages(index_page, name)
        if len(pages) != 1:
            found = described(pages) or "none"
            raise CommandError(f"--existing needs exactly one club page named {name!r}; found: {found}. Use --page ID.")
        return pages[0]
