"""Valid HTML on every public page type, keyboard use, and the checkers themselves.
(axe, reflow, privacy, CSP and print run on one visit per page: test_every_page.py.)"""

import json
import subprocess
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest

from tests.browser.conftest import VNU_JAR, run_axe, vnu_problems
from tests.pages import LANGUAGES, PAGE_TYPES, in_language

ALL_PAGES = [(name, language) for name in PAGE_TYPES for language in LANGUAGES]


def test_html_is_valid(live_site, tmp_path):
    """The HTML as served; the browser checks of each page are in test_every_page.py."""
    files = []
    for name, language in ALL_PAGES:
        try:
            body = urlopen(live_site + in_language(PAGE_TYPES[name], language)).read()  # noqa: S310 -- loopback
        except HTTPError as error:  # the not-found page
            body = error.read()
        path = tmp_path / f"{name.replace(' ', '-')}-{language}.html"
        path.write_bytes(body)
        files.append(path)
    problems = vnu_problems(files)
    assert problems == [], "\n".join(problems)


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, live_site):
    page.goto(live_site + "/de/ueber-uns/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Zum Inhalt springen"
    assert page.evaluate("document.activeElement.getBoundingClientRect().top >= 0")  # visible when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_search_with_the_keyboard_only(page, live_site):
    page.goto(live_site + "/de/")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "q":
            break
    else:
        pytest.fail("the search field cannot be reached with Tab")
    page.keyboard.type("Sprechstunde")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/de/search/?q=Sprechstunde" in page.url
    assert "Kontakt und Sprechstunde" in page.content()


def test_focus_is_visible(page, live_site):
    page.goto(live_site + "/de/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_the_checkers_do_find_problems(page, tmp_path):
    """Guards the checks above against passing vacuously."""
    page.set_content('<html><body><img src="x.png"><a href="/"></a></body></html>')
    found = " ".join(run_axe(page))
    assert "image-alt" in found and "html-has-lang" in found
    broken = tmp_path / "broken.html"
    broken.write_text("<!DOCTYPE html><html lang=de><title>x</title><p><div>nested</p>")
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--stdout", str(broken)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert any(message["type"] == "error" for message in json.loads(result.stdout)["messages"])
