"""The health check the proxy asks: database and cache reachable, no details leaked."""

import socket
from unittest import mock

import pytest

from django.db import DatabaseError
from django.test import override_settings

from tests.mail import free_port


def redis_is_running():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


@pytest.mark.django_db
def test_healthy(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_database_down_answers_503_without_details(client):
    with mock.patch("core.views.connection.cursor", side_effect=DatabaseError("password authentication failed")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
    assert "password" not in response.content.decode()


@pytest.mark.django_db
def test_cache_down_answers_503(client):
    unreachable = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }
    with override_settings(CACHES=unreachable):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "cache": "unavailable"}


@pytest.mark.django_db
@pytest.mark.skipif(not redis_is_running(), reason="no Redis on 127.0.0.1:6379")
def test_healthy_with_redis(client):
    redis = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": "quartier-test",
        }
    }
    with override_settings(CACHES=redis):
        response = client.get("/healthz")
    assert response.status_code == 200
