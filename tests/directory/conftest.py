import pytest

from django.contrib.auth import get_user_model

from directory.demo import DEMO_PROVIDER_EMAIL


@pytest.fixture
def show_all(monkeypatch):
    """The overview shows a few offers per area; with this every match is visible."""
    monkeypatch.setattr("directory.views.lists.PER_SECTION", 1000)


@pytest.fixture
def provider_account(client, db):
    """The demo provider account of the Repair-Café, logged in."""
    client.force_login(get_user_model().objects.get(email=DEMO_PROVIDER_EMAIL))
    return client
