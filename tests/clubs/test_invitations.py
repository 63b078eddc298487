"""Invitations to set a password expire after INVITATION_DAYS (3 by default): a club's
link works until then and is refused afterwards, with no way to set a password."""

from datetime import datetime, timedelta
from unittest import mock

import pytest

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import mail
from django.utils import translation

from clubs.onboarding import onboard_club
from tests.clubs.helpers import club_index
from tests.clubs.test_onboarding import invitation_link
from tests.quartier.test_settings import run_manage

THREE_DAYS = 3 * 24 * 60 * 60


def invite():
    with translation.override("de"):
        onboarded = onboard_club(club_index(), "Imkerverein Linde", "imker@example.org", contact_name="Ida Honig")
    (message,) = mail.outbox
    return onboarded.user, message.body


def days_later(days, hours=0):
    """The token generator's clock, moved on: tokens carry the time they were made."""
    moment = datetime.now() + timedelta(days=days, hours=hours)
    return mock.patch.object(PasswordResetTokenGenerator, "_now", return_value=moment)


def open_link(client, link):
    response = client.get(link, follow=True)
    assert response.status_code == 200
    return response


def test_invitations_are_valid_for_three_days(settings):
    assert settings.PASSWORD_RESET_TIMEOUT == THREE_DAYS


@pytest.mark.django_db
def test_invitation_mail_says_how_long_the_link_works(db):
    _user, body = invite()
    assert "Der Link gilt 3 Tage." in body


@pytest.mark.django_db
def test_invitation_still_works_shortly_before_it_expires(client):
    user, body = invite()
    with days_later(2, hours=23):
        response = open_link(client, invitation_link(body))
        assert response.context["validlink"] is True
        form_url = response.redirect_chain[-1][0]
        client.post(form_url, {"new_password1": "Honigwabe-2026", "new_password2": "Honigwabe-2026"})
    user.refresh_from_db()
    assert user.check_password("Honigwabe-2026")


@pytest.mark.django_db
def test_expired_invitation_is_refused(client):
    user, body = invite()
    with days_later(3, hours=1):
        response = open_link(client, invitation_link(body))
        assert response.context["validlink"] is False
        assert 'name="new_password1"' not in response.content.decode()
        # Posting to the form address directly does not help either.
        form_url = invitation_link(body).rsplit("/", 2)[0] + "/set-password/"
        client.post(form_url, {"new_password1": "Honigwabe-2026", "new_password2": "Honigwabe-2026"})
    user.refresh_from_db()
    assert not user.has_usable_password()


def test_invitation_days_come_from_the_environment():
    code = "from django.conf import settings; print(settings.PASSWORD_RESET_TIMEOUT)"
    result = run_manage("shell", "-c", code, settings_module="quartier.settings.dev", INVITATION_DAYS="7")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == str(7 * 24 * 60 * 60)


@pytest.mark.django_db
def test_the_invitation_welcomes_and_logs_the_account_in(client):
    user, body = invite()
    response = open_link(client, invitation_link(body))
    html = response.content.decode()
    assert "Passwort wählen" in html and "zurücksetzen" not in html.lower()
    form_url = response.redirect_chain[-1][0]
    done = client.post(form_url, {"new_password1": "Honigwabe-2026", "new_password2": "Honigwabe-2026"})
    assert done.status_code == 302 and done["Location"] == "/admin/"
    # Logged in: the dashboard opens without the login form.
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200 and dashboard.context["request"].user == user
    # The link is used up.
    again = open_link(client, invitation_link(body))
    assert again.context["validlink"] is False
