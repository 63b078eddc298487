"""Two app processes on loopback sharing one database and one cache, as in
docs/deployment.md, in both shapes the site runs in: SQLite with the database cache (a
village on one machine) and PostgreSQL with Redis (a city). A page published through
one side, or by a separate command (`publish_scheduled`, as cron or the worker runs
it), is served fresh by both; a reader who asks while a publication waits for its
commit (a workflow approval, a snippet publish) never keeps the old page past the
commit; enquiries and a Quartiersbrief issue are delivered exactly once by two workers running
at the same time.

Each test uses its own throwaway database and cache key prefix, so it never touches
the test database or other users. The SQLite shape runs in the SQLite run of the
suite, the PostgreSQL shape in the PostgreSQL run when Redis answers.
"""

import os
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import Request, urlopen

import pytest
from aiosmtpd.controller import Controller

from django.conf import settings
from django.db import connection

from tests.mail import CollectingHandler, free_port

PROJECT_DIR = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("SCALE_OUT_REDIS_URL", "redis://127.0.0.1:6379/12")
# Free ports, not fixed ones: two suites on one machine (SQLite and PostgreSQL at
# once) must not meet on the same port.
PORTS = tuple(sorted({free_port() for _ in range(8)})[:2])
ENQUIRIES = 20


def redis_reachable():
    parsed = urlparse(REDIS_URL)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or 6379), timeout=1):
            return True
    except OSError:
        return False


# CI's PostgreSQL run starts Redis and sets this, so that there the test fails
# instead of skipping when Redis is missing.
REQUIRED = bool(os.environ.get("QUARTIER_REQUIRE_SCALE_OUT"))

STACKS = [
    pytest.param(
        "sqlite",
        marks=pytest.mark.skipif(connection.vendor != "sqlite", reason="runs in the SQLite run of the suite"),
    ),
    pytest.param(
        "postgresql",
        marks=[
            pytest.mark.skipif(connection.vendor != "postgresql", reason="runs in the PostgreSQL run of the suite"),
            pytest.mark.skipif(not REQUIRED and not redis_reachable(), reason=f"needs Redis at {REDIS_URL}"),
        ],
    ),
]

SET_UP_SITE = """
from wagtail.models import Page, Site
from home.models import HomePage, StandardPage
root = Page.get_first_root_node()
Site.objects.all().delete()
for page in root.get_children():
    page.delete()
home = root.add_child(instance=HomePage(title="Startseite", slug="home"))
home.save_revision().publish()
Site.objects.create(hostname="127.0.0.1", root_page=home, is_default_site=True, site_name="Lindenkiez")
page = home.add_child(instance=StandardPage(title="Alter Titel", slug="ueber-uns", show_in_menus=True))
page.save_revision().publish()
"""

# A page an editor scheduled: it goes live when `publish_scheduled` runs after its time.
SCHEDULE = """
import datetime
from django.utils import timezone
from wagtail.models import Site
from home.models import StandardPage
home = Site.objects.get().root_page
page = home.add_child(instance=StandardPage(title="Geplant", slug="geplant", show_in_menus=True, live=False))
page.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(seconds=1))
"""

PUBLISH = """
from home.models import StandardPage
page = StandardPage.objects.get(slug="ueber-uns")
page.title = "Neuer Titel"
page.save_revision().publish()
"""

# Each enquiry's delivery is enqueued twice (as if the form's task and a retry were
# both waiting), and the sweep once.
STORE_ENQUIRIES = f"""
from directory.models import Enquiry
from directory.tasks import deliver_due_enquiries, deliver_enquiry
for number in range({ENQUIRIES}):
    enquiry = Enquiry.objects.create(
        offer_title=f"Angebot {{number}}", provider_name="Nachbarschaftshilfe", name="Erika Muster",
        email=f"erika{{number}}@example.org", message=f"Anfrage {{number}}", consent=True,
    )
    deliver_enquiry.enqueue(enquiry.pk)
    deliver_enquiry.enqueue(enquiry.pk)
deliver_due_enquiries.enqueue()
"""

# A Quartiersbrief issue queued for its subscribers, and two sending tasks, so that
# both workers send from the same outbox at once.
SUBSCRIBERS = 40
STORE_LETTER = f"""
from django.utils import timezone
from wagtail.models import Site
from letters import sending
from letters.models import LetterIndexPage, LetterIssuePage, Subscription
from letters.tasks import send_letters_task
from participation.models import Resident
home = Site.objects.get().root_page
index = home.add_child(instance=LetterIndexPage(title="Quartiersbrief", slug="quartiersbrief", consent_text="Ja."))
issue = index.add_child(
    instance=LetterIssuePage(title="Ausgabe 1", slug="ausgabe-1", intro="<p>Hallo</p>", whats_new=[])
)
now = timezone.now()
for number in range({SUBSCRIBERS}):
    Subscription.objects.create(
        resident=Resident.objects.create(email=f"leser{{number}}@example.org", confirmed_at=now),
        title="Quartiersbrief", state="published", published_at=now, confirmed_at=now, frequency="quarterly",
    )
sending.queue_issue(issue.pk)
send_letters_task.enqueue()
send_letters_task.enqueue()
"""

# Enquiries without an offer go to the contact person of the site settings.
SET_CONTACT = """
from wagtail.models import Site
from home.models import SiteSettings
settings = SiteSettings.for_site(Site.objects.get())
settings.contact_email = "buero@lindenkiez.example"
settings.save()
"""


@pytest.fixture
def shared_database(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'shared.sqlite3'}", None
        return
    database = settings.DATABASES["default"]
    name = f"quartier_scaleout_{uuid.uuid4().hex[:8]}"
    host, port = database["HOST"] or "127.0.0.1", database["PORT"] or 5432
    pg_environment = {**os.environ, "PGHOST": host, "PGPORT": str(port), "PGUSER": database["USER"]}
    if database["PASSWORD"]:
        pg_environment["PGPASSWORD"] = database["PASSWORD"]
    subprocess.run(["createdb", name], env=pg_environment, check=True)
    try:
        yield f"postgres://{database['USER']}:{database['PASSWORD']}@{host}:{port}/{name}", REDIS_URL
    finally:
        subprocess.run(["dropdb", "--if-exists", "--force", name], env=pg_environment, check=False)


@pytest.fixture
def environment(shared_database, tmp_path):
    database_url, redis_url = shared_database
    smtp = CollectingHandler()
    controller = Controller(smtp, hostname="127.0.0.1", port=free_port())
    controller.start()
    env = {
        **{key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"},
        "DJANGO_SETTINGS_MODULE": "quartier.settings.dev",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        # Without REDIS_URL the shared cache is the database's cache table.
        "REDIS_URL": redis_url or "",
        "CACHE_KEY_PREFIX": f"scaleout-{uuid.uuid4().hex[:8]}",
        "PAGE_CACHE_SECONDS": "300",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(controller.port),
        "EMAIL_USE_TLS": "0",
        "EMAIL_USE_SSL": "0",
        "LOG_LEVEL": "WARNING",
        # Tasks wait in the shared database for the workers, as in production.
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
    }
    try:
        yield env, smtp
    finally:
        controller.stop()


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def start_app(env, port):
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            "1",
            "--bind",
            f"127.0.0.1:{port}",
            "quartier.wsgi:application",
        ],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(150):
        try:
            urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)  # noqa: S310 -- loopback
            return process
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"the app on port {port} stopped") from None
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"the app on port {port} did not start")


def get(port, path):
    # One host name for both, as behind a proxy: the cache is per site and host.
    request = Request(f"http://127.0.0.1:{port}{path}", headers={"Host": "127.0.0.1"})
    with urlopen(request, timeout=10) as response:  # noqa: S310 -- loopback
        return response.headers.get("X-Page-Cache"), response.read().decode()


@pytest.mark.parametrize("shared_database", STACKS, indirect=True)
def test_two_app_processes_share_fresh_pages_and_deliver_each_enquiry_and_letter_once(environment):
    env, smtp = environment
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "shell", "-c", SET_UP_SITE)
    manage(env, "shell", "-c", SCHEDULE)
    apps = [start_app(env, port) for port in PORTS]
    try:
        a, b = PORTS
        # The first request of a new site creates its settings row, which (like any
        # settings save) invalidates; from the second on, pages are stored for both.
        get(a, "/de/ueber-uns/")
        assert "Alter Titel" in get(a, "/de/ueber-uns/")[1]
        state, html = get(b, "/de/ueber-uns/")
        assert state == "hit", "process B serves the page process A stored in Redis"
        assert "Alter Titel" in html

        # Published from a third process (an editor's action), seen at once by both.
        manage(env, "shell", "-c", PUBLISH)
        for port in (b, a):
            state, html = get(port, "/de/ueber-uns/")
            assert "Neuer Titel" in html, f"port {port} served a stale page"
            assert "Alter Titel" not in html
        assert get(a, "/de/")[1].count("Neuer Titel") >= 1, "the menu of every page changed too"

        # A scheduled page, published by a command of its own, is in both menus at once.
        assert "Geplant" not in get(b, "/de/")[1]
        manage(env, "publish_scheduled")
        for port in (a, b):
            assert "Geplant" in get(port, "/de/")[1], f"port {port} served a stale menu"
            assert get(port, "/de/geplant/")[0] in ("miss", "hit")
    finally:
        for app in apps:
            app.terminate()
            app.wait(timeout=30)

    # Enquiries stored by one side, delivered by two workers (`manage.py worker`, on
    # the task framework's database backend) at once.
    manage(env, "shell", "-c", SET_CONTACT)
    manage(env, "shell", "-c", STORE_ENQUIRIES)
    manage(env, "shell", "-c", STORE_LETTER)
    workers = [
        subprocess.Popen(
            [sys.executable, "manage.py", "worker", "--batch"],
            cwd=PROJECT_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, out + err
    to_office = [m for m in smtp.messages if "buero@lindenkiez.example" in m.envelope_recipients]
    counts = Counter(
        re.search(r"Anfrage (\d+)", m.get_body(preferencelist=("plain",)).get_content()).group(1) for m in to_office
    )
    assert len(to_office) == ENQUIRIES, f"{len(to_office)} mails to the office for {ENQUIRIES} enquiries"
    assert all(count == 1 for count in counts.values()), counts
    delivered = manage(
        env,
        "shell",
        "-c",
        "from directory.models import Enquiry; print(Enquiry.objects.filter(state='delivered').count())",
    )
    assert delivered.strip().splitlines()[-1] == str(ENQUIRIES)
    letters = Counter(m.envelope_recipients[0] for m in smtp.messages if m.envelope_recipients[0].startswith("leser"))
    assert len(letters) == SUBSCRIBERS and set(letters.values()) == {1}, letters


# Both writers below hold the transaction open after Wagtail's last publish signal
# (`published`, sent for pages after `page_published` and for snippets) until the test
# says go: the window in which a reader used to store the old page under the new
# generation.
HOLD_AT_PUBLISH = """
import os, time
from pathlib import Path
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.signals import published

def hold(**kwargs):
    Path(os.environ["RACE_READY"]).touch()
    deadline = time.monotonic() + 60
    while not Path(os.environ["RACE_GO"]).exists() and time.monotonic() < deadline:
        time.sleep(0.05)

editor = get_user_model().objects.create_superuser("redaktion", "redaktion@example.org", "x")
"""

# An editor's "Approve" of a change in a workflow.
APPROVE = """
from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask
from home.models import StandardPage
page = StandardPage.objects.get(slug="ueber-uns")
page.title = "Genehmigter Titel"
page.save_revision(user=editor)
workflow = Workflow.objects.create(name="Freigabe")
WorkflowTask.objects.create(workflow=workflow, task=GroupApprovalTask.objects.create(name="Prüfen"), sort_order=0)
state = workflow.start(page, editor)
published.connect(hold)
state.current_task_state.approve(user=editor)
"""

# A snippet (a directory offer) published as the admin's "Publish" does: a revision
# saved and published in one transaction.
SET_UP_OFFER = """
from wagtail.models import Site
from directory.models import DirectoryPage
from tests.directory.factories import OfferFactory
home = Site.objects.get().root_page
home.add_child(instance=DirectoryPage(title="Hilfe", slug="hilfe")).save_revision().publish()
OfferFactory(title="Alter Angebotstitel", slug="einkaufshilfe")
"""
PUBLISH_SNIPPET = """
from directory.models import Offer
offer = Offer.objects.get(slug="einkaufshilfe")
offer.title = "Neuer Angebotstitel"
published.connect(hold)
with transaction.atomic():
    offer.save_revision(user=editor).publish(user=editor)
"""
CHANGES = {
    "workflow approval": ("", APPROVE, "/de/ueber-uns/", "/de/", "Genehmigter Titel"),
    "snippet publish": (
        SET_UP_OFFER,
        PUBLISH_SNIPPET,
        "/de/hilfe/angebot/einkaufshilfe/",
        "/de/hilfe/",
        "Neuer Angebotstitel",
    ),
}


@pytest.mark.parametrize("change", CHANGES)
@pytest.mark.parametrize("shared_database", STACKS, indirect=True)
def test_a_reader_in_the_window_before_the_commit_keeps_no_old_page(environment, tmp_path, change):
    set_up, write, page_path, list_path, new_title = CHANGES[change]
    env, _smtp = environment
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "shell", "-c", SET_UP_SITE + set_up)
    apps = [start_app(env, port) for port in PORTS]
    ready, go = tmp_path / "ready", tmp_path / "go"
    try:
        a, b = PORTS
        for port in (a, b, a):
            get(port, page_path)
            get(port, list_path)
        writer = subprocess.Popen(
            [sys.executable, "manage.py", "shell", "-c", HOLD_AT_PUBLISH + write],
            cwd=PROJECT_DIR,
            env={**env, "RACE_READY": str(ready), "RACE_GO": str(go)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(600):
            if ready.exists() or writer.poll() is not None:
                break
            time.sleep(0.05)
        assert ready.exists(), writer.communicate()

        # Readers in the window see the old page (the change is not committed) and
        # store what they render; on SQLite their cache writes wait for the commit.
        seen = []
        readers = [
            threading.Thread(target=lambda port=port, path=path: seen.append(get(port, path)[1]))
            for port in (a, b)
            for path in (page_path, list_path)
        ]
        for reader in readers:
            reader.start()
        time.sleep(2)
        go.touch()
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, out + err
        for reader in readers:
            reader.join(timeout=60)
        assert len(seen) == len(readers)

        for port in (a, b):
            assert new_title in get(port, page_path)[1], f"port {port} kept the page read before the commit"
            assert new_title in get(port, list_path)[1], f"port {port} kept the list read before the commit"
    finally:
        for app in apps:
            app.terminate()
            app.wait(timeout=30)


@pytest.mark.parametrize("shared_database", STACKS, indirect=True)
def test_after_a_restore_the_restored_content_is_served(environment, tmp_path):
    env, _smtp = environment
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "shell", "-c", SET_UP_SITE)
    archive = tmp_path / "backup.tar.gz"
    manage(env, "backup_site", "--output", str(archive))
    manage(env, "shell", "-c", PUBLISH)
    app = start_app(env, PORTS[0])
    try:
        # The first request creates the site's settings row, which starts a generation.
        get(PORTS[0], "/de/ueber-uns/")
        get(PORTS[0], "/de/ueber-uns/")
        state, html = get(PORTS[0], "/de/ueber-uns/")
        assert (state, "Neuer Titel" in html) == ("hit", True)
    finally:
        app.terminate()
        app.wait(timeout=30)
    manage(env, "restore_site", str(archive), "--yes")
    app = start_app(env, PORTS[0])
    try:
        _state, html = get(PORTS[0], "/de/ueber-uns/")
        assert "Alter Titel" in html and "Neuer Titel" not in html, "the page cached before the restore was served"
    finally:
        app.terminate()
        app.wait(timeout=30)
