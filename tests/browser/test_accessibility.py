"""Every public page type: no axe-core violations (WCAG 2.1 A and AA), valid HTML,
no horizontal scrolling at 320 px or at 200 % zoom, and usable with the keyboard."""

import json
import subprocess

import pytest

from tests.browser.conftest import VNU_JAR, run_axe
from tests.browser.pages import LANGUAGES, PAGE_TYPES, in_language

ALL_PAGES = [(name, language) for name in PAGE_TYPES for language in LANGUAGES]


@pytest.mark.parametrize(("name", "language"), ALL_PAGES)
def test_no_axe_violations(page, live_site, name, language):
    page.goto(live_site + in_language(PAGE_TYPES[name], language))
    assert run_axe(page) == []


@pytest.mark.parametrize(("width", "scale"), [(320, 1), (640, 2)])
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_no_horizontal_scrolling(browser, live_site, name, width, scale):
    """320 px is WCAG's reflow width; 1280 px at 200 % zoom lays out like 640 CSS px."""
    context = browser.new_context(viewport={"width": width, "height": 800}, device_scale_factor=scale)
    page = context.new_page()
    page.goto(live_site + PAGE_TYPES[name])
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 0


def test_html_is_valid(browser, live_site, tmp_path):
    context = browser.new_context()
    page = context.new_page()
    files = []
    for name, language in ALL_PAGES:
        response = page.goto(live_site + in_language(PAGE_TYPES[name], language))
        path = tmp_path / f"{name.replace(' ', '-')}-{language}.html"
        path.write_bytes(response.body())
        files.append(path)
    context.close()
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stdout)["messages"]
    problems = [
        f"{message['url'].rsplit('/', 1)[-1]}:{message.get('lastLine')}: {message['message']}"
        for message in messages
        if message["type"] == "error" or message.get("subType") == "warning"
    ]
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
