"""Editors' sessions end: with the browser unless "remember me" is ticked, and on the
server after SESSION_HOURS (8 by default) in any case."""

from datetime import timedelta
from unittest import mock

import pytest

from django.contrib.sessions.models import Session
from django.utils import timezone

from tests.conftest import EDITOR_PASSWORD
from tests.quartier.test_settings import run_manage

EIGHT_HOURS = 8 * 60 * 60


def login(client, remember=False):
    data = {"username": "redaktion", "password": EDITOR_PASSWORD}
    if remember:
        data["remember"] = "on"
    response = client.post("/admin/login/", data)
    assert response.status_code == 302
    return response


def session_expiry(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_session_lasts_eight_hours_by_default(settings):
    assert settings.SESSION_COOKIE_AGE == EIGHT_HOURS
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True


@pytest.mark.django_db
def test_login_without_remember_me_ends_with_the_browser_and_after_eight_hours(client, editor):
    before = timezone.now()
    cookie = login(client).cookies["sessionid"]
    assert not cookie["max-age"] and not cookie["expires"]  # a browser-session cookie
    expiry = session_expiry(client)
    assert before + timedelta(seconds=EIGHT_HOURS - 60) < expiry <= timezone.now() + timedelta(seconds=EIGHT_HOURS)


@pytest.mark.django_db
def test_remember_me_keeps_the_login_for_eight_hours_only(client, editor):
    cookie = login(client, remember=True).cookies["sessionid"]
    assert int(cookie["max-age"]) == EIGHT_HOURS
    assert session_expiry(client) <= timezone.now() + timedelta(seconds=EIGHT_HOURS)


@pytest.mark.django_db
def test_expired_session_sends_the_editor_to_the_login(client, editor):
    login(client)
    assert client.get("/admin/").status_code == 200
    later = timezone.now() + timedelta(hours=8, minutes=1)
    with mock.patch("django.contrib.sessions.backends.db.timezone.now", return_value=later):
        response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_session_hours_come_from_the_environment():
    code = "from django.conf import settings; print(settings.SESSION_COOKIE_AGE)"
    result = run_manage("shell", "-c", code, settings_module="quartier.settings.dev", SESSION_HOURS="2")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == str(2 * 60 * 60)
