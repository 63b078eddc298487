import pytest


@pytest.fixture
def show_all(monkeypatch):
    """The overview shows a few offers per area; with this every match is visible."""
    monkeypatch.setattr("directory.views.PER_SECTION", 1000)
