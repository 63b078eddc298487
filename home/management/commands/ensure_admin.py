import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from core.addresses import absolute

DEFAULT_USERNAME = "admin"
DEFAULT_PASSWORD = "quartier-demo"  # noqa: S105 -- local runs only; refused without DEBUG or --demo


class Command(BaseCommand):
    help = (
        "Create an administrator for a local run when there is none, and print the login. "
        "For development only: the password is known. ADMIN_USERNAME and ADMIN_PASSWORD override it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo",
            action="store_true",
            help="Run with DEBUG off too: `make run` serves the demo as production would, on this machine.",
        )

    def handle(self, *args, demo, **options):
        if not (settings.DEBUG or demo):
            raise CommandError(
                "ensure_admin creates a login with a known password and only runs with DEBUG on or with --demo."
            )
        User = get_user_model()
        username = os.environ.get("ADMIN_USERNAME", DEFAULT_USERNAME)
        password = os.environ.get("ADMIN_PASSWORD", DEFAULT_PASSWORD)
        user = User.objects.filter(username=username).first()
        if user is None:
            User.objects.create_superuser(username, email=f"{username}@example.org", password=password)
            self.stdout.write(f"Admin login: {absolute('/admin/')}")
            self.stdout.write(f"  user: {username}  password: {password}")
        else:
            self.stdout.write(
                f"Admin account '{username}' exists; its password is unchanged "
                f"(created as '{DEFAULT_PASSWORD}' unless ADMIN_PASSWORD was set)."
            )
        self._demo_accounts(User, password)

    def _demo_accounts(self, User, password):
        """The demo club and provider logins (created by the demo content without a
        password, as onboarding does) get the known password once, to try them out."""
        from clubs.demo import DEMO_CLUB_EMAIL
        from directory.demo import DEMO_PROVIDER_EMAIL
        from exchange.demo import DEMO_MENTOR_EMAIL

        accounts = (
            ("Club account", DEMO_CLUB_EMAIL),
            ("Provider account", DEMO_PROVIDER_EMAIL),
            ("Swap board mentor", DEMO_MENTOR_EMAIL),
        )
        for label, email in accounts:
            user = User.objects.filter(email=email).first()
            if user is None:
                continue
            if not user.has_usable_password():
                user.set_password(password)
                user.save(update_fields=["password"])
            self.stdout.write(f"{label}: user: {user.get_username()}  password: {password} (unless changed since)")
