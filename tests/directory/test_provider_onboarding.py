"""Onboarding a provider account from the command line, with the invitation delivered
over real SMTP (the same invitation as a club's, tests/clubs/test_onboarding.py)."""

import pytest

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from directory.models import Provider
from tests.clubs.test_onboarding import invitation_link, set_password


@pytest.mark.django_db
def test_provider_onboarding_over_smtp(client, smtp_server):
    provider = Provider.objects.get(slug="tischlerei-brandt")
    call_command("onboard_provider", provider.slug, "werkstatt@example.org", stdout=open("/dev/null", "w"))  # noqa: SIM115
    user = get_user_model().objects.get(email="werkstatt@example.org")
    assert provider.accounts.filter(pk=user.pk).exists()
    body = smtp_server.messages[0].get_payload(decode=True).decode()
    set_password(client, invitation_link(body))
    client.login(username="werkstatt@example.org", password="Lindenblüte-2026")
    assert client.get(f"/admin/snippets/directory/provider/edit/{provider.pk}/").status_code == 200


@pytest.mark.django_db
def test_command_refuses_an_unknown_provider(db):
    with pytest.raises(CommandError):
        call_command("onboard_provider", "gibt-es-nicht", "a@example.org")
