"""A server error, end to end: the production app under gunicorn, JSON logs, and a
resident's enquiry that meets a broken database. The log says that and where it
failed, and nothing of what the resident sent; the page says nothing of the cause."""

import json
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pytest

from tests.mail import free_port

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent
PERSONAL = {
    "name": "Waltraud Quellmalz",
    "email": "waltraud.quellmalz@example.org",
    "phone": "030 98765432",
    "message": "Ich wohne Lindenstraße 17 und brauche Hilfe beim Einkaufen.",
}


@pytest.fixture
def broken_app(tmp_path):
    """The production settings on a database that has no tables: every page fails."""
    port = free_port()
    log = tmp_path / "app.log"
    env = {
        **{key: value for key, value in os.environ.items() if key not in {"DJANGO_SETTINGS_MODULE", "DEBUG"}},
        "DJANGO_SETTINGS_MODULE": "quartier.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        "SECURE_SSL_REDIRECT": "0",
        "LOG_FORMAT": "json",
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    # As on a real deployment: the 500 page links the hashed stylesheet.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=PROJECT_DIR,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", "1", "--bind", f"127.0.0.1:{port}", "quartier.wsgi"],
            cwd=PROJECT_DIR,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_for(port, process)
            yield port, log
        finally:
            process.terminate()
            process.wait(timeout=20)


def _wait_for(port, process):
    for _ in range(150):
        try:
            urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2)  # noqa: S310 -- loopback
            return
        except HTTPError:
            return  # it answers, even if with an error
        except OSError:
            if process.poll() is not None:
                raise RuntimeError("the app stopped") from None
            time.sleep(0.2)
    raise RuntimeError("the app did not start")


def test_a_500_is_logged_without_personal_data(broken_app):
    port, log = broken_app
    # A form as a browser sends it, CSRF cookie and field included, so that the
    # request reaches the view (and the broken database) instead of a 403.
    csrf = secrets.token_hex(16)
    request = Request(
        f"http://127.0.0.1:{port}/de/hilfe-und-angebote/angebot/einkaufshilfe/?{urlencode({'q': PERSONAL['email']})}",
        data=urlencode({**PERSONAL, "csrfmiddlewaretoken": csrf}).encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf}; sessionid=geheim-{PERSONAL['phone'].replace(' ', '')}",
            "Referer": f"http://127.0.0.1:{port}/de/?name={PERSONAL['name']}",
            "User-Agent": f"Browser von {PERSONAL['name']}",
        },
    )
    with pytest.raises(HTTPError) as answer:
        urlopen(request, timeout=10)  # noqa: S310 -- loopback
    assert answer.value.code == 500
    page = answer.value.read().decode()
    assert "Traceback" not in page and "no such table" not in page and "sqlite" not in page.lower()

    time.sleep(0.5)  # let the worker flush its log line
    lines = [line for line in log.read_text().splitlines() if line.startswith("{")]
    errors = [json.loads(line) for line in lines if json.loads(line)["level"] == "ERROR"]
    assert any(
        entry["logger"] == "django.request"
        and entry.get("status_code") == 500
        and "no such table" in entry["exception"]
        for entry in errors
    ), lines
    whole_log = log.read_text()
    for value in [*PERSONAL.values(), PERSONAL["email"].replace("@", "%40"), "Quellmalz", "98765432"]:
        assert value not in whole_log, value
