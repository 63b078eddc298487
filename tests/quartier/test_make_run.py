"""`make run` as a newcomer uses it: one command serves the demo as production would
(gunicorn, DEBUG off, the site's own error pages) with the worker beside it. An enquiry
sent through the demo's form appears as a mail in the terminal within 30 seconds;
every absolute address on the home page, in the feeds, the iCal feed and the sitemap
answers on the port it was started on; Ctrl+C stops the web server and the worker.

Runs once, in the SQLite run of the suite: it starts its own database either way.
"""

import os
import re
import signal
import subprocess
import threading
import time
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, build_opener

import pytest

from django.conf import settings

from tests.mail import free_port

PROJECT_DIR = Path(__file__).resolve().parents[2]
OFFER = "/de/hilfe-und-angebote/angebot/babysitting/"

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="make run is tried once, in the SQLite run",
)


@pytest.fixture
def make_run(tmp_path):
    """`make run` on a free port with a database, media and static folder of its own;
    yields its base URL and its output so far (a list of lines, growing)."""
    port = free_port()
    inherited = {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "BASE_URL", "MAKEFLAGS", "MAKELEVEL"}
    environment = {
        **{name: value for name, value in os.environ.items() if name not in inherited},
        "DATABASE_URL": f"sqlite:///{tmp_path / 'run.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    process = subprocess.Popen(
        ["make", "run", "HOST=127.0.0.1", f"PORT={port}"],
        cwd=PROJECT_DIR,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # Ctrl+C goes to the whole group, as in a terminal
    )
    output = []
    threading.Thread(target=lambda: output.extend(process.stdout), daemon=True).start()
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: answers(base_url + "/healthz"), 300, "make run did not serve the site", output)
        yield base_url, output, process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)


def answers(url):
    try:
        return build_opener().open(url, timeout=5).status == 200
    except OSError:
        return False


def wait_for(condition, seconds, message, output):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    pytest.fail(message + ":\n" + "".join(output[-40:]))


def status_of(opener, url):
    try:
        return opener.open(url, timeout=10).status
    except HTTPError as error:
        return error.code


def absolute_addresses(text, base_url):
    unfolded = text.replace("\r\n ", "")  # iCal folds long lines
    return set(re.findall(re.escape(base_url) + r"/[^\s\"'<>\\]*", unfolded))


def send_enquiry(opener, base_url):
    html = opener.open(base_url + OFFER, timeout=10).read().decode()
    fields = dict(re.findall(r'name="(csrfmiddlewaretoken|started)" value="([^"]*)"', html))
    time.sleep(settings.FORM_MIN_FILL_SECONDS + 0.5)  # a person takes a moment
    data = {
        **fields,
        "name": "Erika Muster",
        "email": "erika@example.org",
        "message": "Könnten Sie am Samstagabend auf unsere Tochter aufpassen?",
        "consent": "on",
    }
    request = opener.open(base_url + OFFER, data=urlencode(data).encode(), timeout=10)
    return request.url


def test_make_run_serves_the_site_with_its_worker_and_stops_both(make_run):
    base_url, output, process = make_run
    opener = build_opener(HTTPCookieProcessor(CookieJar()))

    try:
        opener.open(base_url + "/de/gibt-es-nicht/", timeout=10)
        pytest.fail("an unknown address answered 200")
    except HTTPError as error:
        assert error.code == 404
        page = error.read().decode()
    assert "Seite nicht gefunden" in page
    assert "URLconf" not in page, "Django's debug page, not the site's own"

    assert send_enquiry(opener, base_url).endswith(OFFER + "danke/?mail=1")
    wait_for(
        lambda: any("Samstagabend" in line for line in output), 30, "no mail in the terminal in 30 seconds", output
    )
    assert any(line.startswith(tuple("0123456789")) and " worker.1 " in line for line in output)

    addresses = set()
    for path in ["/de/", "/de/neuigkeiten/feed/rss/", "/de/neuigkeiten/feed/atom/", "/de/veranstaltungen/ical/"]:
        addresses |= absolute_addresses(opener.open(base_url + path, timeout=10).read().decode(), base_url)
    sitemap = opener.open(base_url + "/sitemap.xml", timeout=10).read().decode()
    for part in re.findall(r"<loc>([^<]+)</loc>", sitemap):
        addresses |= absolute_addresses(opener.open(part, timeout=10).read().decode(), base_url)
    assert len(addresses) > 50
    broken = {address: status for address in sorted(addresses) if (status := status_of(opener, address)) != 200}
    assert broken == {}

    os.killpg(process.pid, signal.SIGINT)
    assert process.wait(timeout=30) is not None
    time.sleep(1)
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)  # neither gunicorn nor the worker is left
    assert not answers(base_url + "/healthz")
