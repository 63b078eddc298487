"""Repeated wrong passwords lock that username out for that address, and only that."""

import pytest

from django.test import RequestFactory, override_settings

from core.client_ip import client_ip
from tests.conftest import EDITOR_PASSWORD

LOGIN_URL = "/admin/login/"


@pytest.fixture(autouse=True)
def lockout_enabled(settings):
    with override_settings(AXES_ENABLED=True, AUTHENTICATION_BACKENDS=settings.PRODUCTION_AUTHENTICATION_BACKENDS):
        yield


def login(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN_URL, {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.mark.django_db
def test_five_wrong_passwords_lock_the_login(client, editor):
    for _ in range(4):
        assert login(client, "redaktion", "falsch").status_code == 200  # the form again, with an error
    locked = login(client, "redaktion", "falsch")
    assert locked.status_code == 429
    assert "Zu viele fehlgeschlagene Anmeldungen" in locked.content.decode()
    # Even the right password is refused while locked, so guessing gains nothing.
    assert login(client, "redaktion", EDITOR_PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_lockout_is_per_address_and_username(client, editor, django_user_model):
    django_user_model.objects.create_user("verein", "verein@example.org", "verein-passwort", is_staff=True)
    for _ in range(5):
        login(client, "redaktion", "falsch")
    assert login(client, "verein", "falsch").status_code == 200
    response = login(client, "redaktion", EDITOR_PASSWORD, address="198.51.100.20")
    assert response.status_code == 302


@pytest.mark.django_db
def test_success_resets_the_count(client, editor):
    for _ in range(4):
        login(client, "redaktion", "falsch")
    assert login(client, "redaktion", EDITOR_PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert login(client, "redaktion", "falsch").status_code == 200


def test_forwarded_address_is_trusted_only_behind_a_configured_proxy():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    assert client_ip(request) == "10.0.0.2"
    with override_settings(TRUSTED_PROXY_COUNT=1):
        assert client_ip(request) == "203.0.113.7"
    with override_settings(TRUSTED_PROXY_COUNT=3):
        assert client_ip(request) == "10.0.0.2"  # fewer hops than proxies: the header is not trustworthy
