from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation

from core.attention import EDITOR_GROUPS, needs_attention


class Command(BaseCommand):
    help = (
        "Mail editors the list of what needs attention, and club or provider accounts "
        "the part that is theirs. Meant to run weekly on a timer."
    )

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            items = needs_attention()
            if not items:
                self.stdout.write("Nothing needs attention; no digest sent.")
                return
            messages = [self._message(email, items) for email in self._editor_emails()]
            by_owner = {}
            for item in items:
                for email in item.owner_emails:
                    by_owner.setdefault(email, []).append(item)
            messages += [self._message(email, owned) for email, owned in by_owner.items()]
            sent = get_connection().send_messages(messages) if messages else 0
        self.stdout.write(f"{len(items)} items, digest sent to {sent} recipients.")

    def _editor_emails(self):
        users = (
            get_user_model()
            .objects.filter(is_active=True)
            .exclude(email="")
            .filter(Q(is_superuser=True) | Q(groups__name__in=EDITOR_GROUPS))
            .distinct()
            .order_by("email")
        )
        return list(users.values_list("email", flat=True).distinct())

    def _message(self, email, items):
        body = render_to_string(
            "core/emails/attention_digest.txt",
            {"items": items, "base_url": settings.BASE_URL},
        )
        subject = translation.gettext("%(count)s things on the website need attention") % {"count": len(items)}
        return EmailMessage(subject=subject, body=body, to=[email])
