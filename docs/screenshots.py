"""Take the admin screenshots of docs/redaktionshandbuch.md from a local demo run.

Usage (dev only, with the demo content loaded and `make run` serving on PORT):
    DJANGO_SETTINGS_MODULE=quartier.settings.dev .venv/bin/python docs/screenshots.py

Logs in as the demo editor, the demo club account and the demo provider account
(passwords as printed by `make run`), prepares one submission waiting for approval,
and writes PNGs to docs/img/.
"""

import os
import shutil
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quartier.settings.dev")
django.setup()

from playwright.sync_api import sync_playwright  # noqa: E402

from django.contrib.auth import get_user_model  # noqa: E402

from clubs.demo import DEMO_CLUB_EMAIL, DEMO_CLUB_SLUG  # noqa: E402
from clubs.models import ClubPage  # noqa: E402
from directory.demo import DEMO_PROVIDER_EMAIL  # noqa: E402

BASE = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
PASSWORD = os.environ.get("ADMIN_PASSWORD", "quartier-demo")
OUT = Path(__file__).resolve().parent / "img"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"]


def submit_demo_change():
    """A change by the club account that waits for approval, as the guide shows it."""
    page = ClubPage.objects.get(slug=DEMO_CLUB_SLUG)
    if page.workflow_in_progress:
        return page
    user = get_user_model().objects.get(email=DEMO_CLUB_EMAIL)
    draft = page.get_latest_revision_as_object()
    draft.summary = "Fußball, Gymnastik, Laufen – und neu: Yoga für Eltern am Samstagmorgen."
    draft.save_revision(user=user)
    page.get_workflow().start(page, user)
    return ClubPage.objects.get(pk=page.pk)


def login(browser, username):
    """A fresh browser context per account: logging out needs a POST."""
    browser_page = browser.new_context(viewport={"width": 1100, "height": 760}, locale="de-DE").new_page()
    browser_page.goto(f"{BASE}/admin/login/")
    browser_page.fill("#id_username", username)
    browser_page.fill("#id_password", PASSWORD)
    browser_page.click("button[type=submit]")
    browser_page.wait_for_load_state("networkidle")
    return browser_page


def shot(browser_page, name, url, full_page=False):
    browser_page.goto(BASE + url)
    browser_page.wait_for_load_state("networkidle")
    browser_page.screenshot(path=OUT / f"{name}.png", full_page=full_page)


def main():
    OUT.mkdir(exist_ok=True)
    club = submit_demo_change()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
        page = login(browser, "admin")
        shot(page, "verein-aufnehmen", "/admin/clubs/onboard/")
        shot(page, "redaktion-dashboard", "/admin/", full_page=True)
        shot(page, "freigabe-vergleich", f"/admin/pages/{club.pk}/edit/")
        page = login(browser, DEMO_CLUB_EMAIL)
        shot(page, "verein-dashboard", "/admin/")
        shot(page, "verein-seitenbaum", "/admin/pages/")
        shot(page, "verein-bearbeiten", f"/admin/pages/{club.pk}/edit/")
        page = login(browser, DEMO_PROVIDER_EMAIL)
        shot(page, "anbieter-liste", "/admin/snippets/directory/offer/")
        browser.close()


if __name__ == "__main__":
    main()
