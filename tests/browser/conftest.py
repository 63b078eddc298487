"""Browser tests: the demo site served by gunicorn in its own process, with its own
SQLite database, visited by Debian's Chromium driven by Playwright.

Without Chromium, Java or the npm checking tools the tests are skipped with a reason
(a newcomer's laptop); CI sets QUARTIER_REQUIRE_BROWSER=1 and installs them, so there
they fail instead of skipping.
"""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent.parent
NODE_MODULES = PROJECT_DIR / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def missing_tools():
    missing = []
    if not shutil.which("chromium"):
        missing.append("chromium (apt-get install chromium)")
    if not shutil.which("java"):
        missing.append("java (apt-get install default-jre-headless)")
    if not AXE_SCRIPT.exists() or not VNU_JAR.exists():
        missing.append("npm tools (npm ci)")
    return missing


def pytest_collection_modifyitems(config, items):
    missing = missing_tools()
    if not missing:
        return
    if os.environ.get("QUARTIER_REQUIRE_BROWSER"):
        raise pytest.UsageError(f"Browser tests need: {', '.join(missing)}")
    skip = pytest.mark.skip(reason=f"browser tests need: {', '.join(missing)}")
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(skip)


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The environment the live site runs in, for tests that ask it something with manage.py.
LIVE_SITE_ENVIRONMENT = {}


def ask_live_site(code):
    """What `code` prints when run in the live site's environment (its database and key)."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=PROJECT_DIR,
        env=LIVE_SITE_ENVIRONMENT,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="session")
def live_site(tmp_path_factory):
    """Base URL of the demo site, served with DEBUG off as residents see it."""
    workdir = tmp_path_factory.mktemp("live-site")
    port = _free_port()
    environment = {
        **{key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL"}},
        "DJANGO_SETTINGS_MODULE": "quartier.settings.dev",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{workdir / 'site.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "SERVE_MEDIA": "1",
        # The checks search every language's pages more often than a person would.
        "SEARCH_RATE_LIMIT_PER_IP": "100000",
        "BASE_URL": f"http://127.0.0.1:{port}",
    }
    LIVE_SITE_ENVIRONMENT.update(environment)
    for command in (["migrate", "--noinput", "-v0"], ["load_demo_content"]):
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=PROJECT_DIR, env=environment, check=True, capture_output=True
        )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "quartier.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=PROJECT_DIR,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=open(workdir / "gunicorn.log", "w"),  # noqa: SIM115 -- lives as long as the server
    )
    base_url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urlopen(f"{base_url}/healthz", timeout=1)  # noqa: S310 -- our own server on loopback
            break
        except OSError:
            time.sleep(0.2)
    else:
        server.kill()
        raise RuntimeError(f"gunicorn did not start; see {workdir / 'gunicorn.log'}")
    yield base_url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    yield page
    context.close()


def run_axe(page):
    """WCAG 2.1 A and AA violations of the page, as axe-core reports them."""
    # Evaluated through the driver rather than added as a <script> element: the pages'
    # Content Security Policy refuses inline scripts, and axe.run() itself needs no eval
    # (axe-core 3.3.1 and later run under a strict policy).
    page.evaluate(AXE_SCRIPT.read_text())
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
            resultTypes: ['violations'],
        })"""
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in violation["nodes"][:5])
        for violation in result["violations"]
    ]


def vnu_problems(files):
    """The HTML checker's errors and warnings in `files`, one line each."""
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    return [
        f"{message['url'].rsplit('/', 1)[-1]}:{message.get('lastLine')}: {message['message']}"
        for message in json.loads(result.stdout)["messages"]
        if message["type"] == "error" or message.get("subType") == "warning"
    ]
