from dataclasses import dataclass

import pytest

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from tests.mail import smtp_server  # noqa: F401 -- a fixture for every mail test
from tests.pages import LANGUAGES, PAGE_TYPES, in_language


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo neighbourhood once per run: every test starts from the living site
    a newcomer sees, inside its own rolled-back transaction. Without the demo
    translations: the tests start from the German site and translate what they need
    (tests/home/test_demo_translations.py runs the translations; the browser tests'
    site has them)."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", "--without-translations", stdout=open("/dev/null", "w"))  # noqa: SIM115


@dataclass
class Visit:
    path: str
    status: int
    html: str
    content_security_policy: str
    queries: list


@pytest.fixture(scope="session")
def crawl(django_db_setup, django_db_blocker):
    """Every page type of tests/pages.py in every test language, requested once by an
    anonymous visitor: the query budget and the CSP check read the same visits instead
    of each requesting every page again. Each page is asked twice and the second
    answer kept, because what a process fills once (content types, site root paths,
    renditions) is not what a resident's request costs. Rolled back afterwards, so the
    renditions it makes do not outlive it."""
    from django.core.cache import cache
    from django.test import Client

    visitor = Client()
    visits = {}
    with django_db_blocker.unblock(), transaction.atomic():
        for name, path in PAGE_TYPES.items():
            for language in LANGUAGES:
                address = in_language(path, language)
                visitor.get(address)
                with CaptureQueriesContext(connection) as queries:
                    response = visitor.get(address)
                visits[name, language] = Visit(
                    address,
                    response.status_code,
                    response.content.decode(),
                    response.get("Content-Security-Policy", ""),
                    [query["sql"] for query in queries.captured_queries],
                )
        transaction.set_rollback(True)
    cache.clear()
    return visits


EDITOR_PASSWORD = "richtig-und-lang"


@pytest.fixture
def editor(db, django_user_model):
    """The editor of the site (a superuser), not logged in."""
    return django_user_model.objects.create_superuser("redaktion", "redaktion@example.org", EDITOR_PASSWORD)


@pytest.fixture
def editor_client(editor):
    """A browser of its own with the editor logged in, beside the anonymous `client`."""
    from django.test import Client

    browser = Client()
    browser.force_login(editor)
    return browser


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


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in German, the site's default: a request to /en/ activates
    English in the thread and leaves it active, and addresses built outside a request
    (`in_reader_language`, `reader_url`) follow the active language."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    """POST as a resident (or with `browser`, another client) and run what the request
    left for after the commit (the mail tasks), as the worker would."""

    def post(url, data, browser=None, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return (browser or client).post(url, data, **extra)

    return post
