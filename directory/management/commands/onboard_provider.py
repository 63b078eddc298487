from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from directory.models import Provider
from directory.onboarding import onboard_provider


class Command(BaseCommand):
    help = "Give a provider a login that edits its own entry and offers (through approval), and invite it."

    def add_arguments(self, parser):
        parser.add_argument("provider_slug")
        parser.add_argument("email")
        parser.add_argument("--contact", default="", help="Name of the person behind the login")

    def handle(self, *args, provider_slug, email, contact, **options):
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"Not an e-mail address: {email}") from error
        provider = Provider.objects.filter(slug=provider_slug).order_by("pk").first()
        if provider is None:
            raise CommandError(f"No provider with the slug {provider_slug}.")
        result = onboard_provider(provider, email, contact_name=contact)
        self.stdout.write(f"{result.user.email} may now edit '{provider.name}'; invitation sent.")
