import pytest

from django.core.management import call_command

from tests.mail import smtp_server  # noqa: F401 -- a fixture for every mail test


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo neighbourhood once per run: every test starts from the living site
    a newcomer sees, inside its own rolled-back transaction. Without the demo
    translations: the tests start from the German site and translate what they need
    (tests/home/test_demo_translations.py runs the translations; the browser tests'
    site has them)."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", "--without-translations", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def home_page(db):
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the database is rolled back after a test,
    but cached fragments and what each process remembers (keyed by the page cache's
    generation, which pages created by factories without publishing do not change)
    would outlive it. Clearing the cache starts a new generation."""
    from django.core.cache import cache

    cache.clear()
