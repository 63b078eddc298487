"""Every public page type in every test language, visited once in Chromium, and every
check that needs a browser run on that one visit:

- no request leaves the site (fonts, scripts, maps, trackers), and none fails (a
  missing icon, stylesheet or image);
- no Content Security Policy violation on the console, on screen or in print;
- no axe-core violation (WCAG 2.1 A and AA);
- no horizontal scrolling at 320 px (WCAG's reflow width) or at 640 px (1280 px at
  200 % zoom lays out like 640 CSS px), and no phone number broken over two lines;
- it prints cleanly: no navigation chrome, the contact person and the footer's phone
  on paper, internal links followed by their whole address.
"""

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import run_axe
from tests.pages import LANGUAGES, PAGE_TYPES, in_language

ALL_PAGES = [(name, language) for name in PAGE_TYPES for language in LANGUAGES]
REFLOW_WIDTHS = [320, 640]
HIDDEN_IN_PRINT = [".skip-link", ".site-header__nav", ".language-links", ".breadcrumbs", ".footer-links"]
FOOTER_PHONE = "030 23125 417"


def horizontal_overflow(page, width):
    page.set_viewport_size({"width": width, "height": 800})
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def broken_phone_numbers(page):
    return page.evaluate(
        """[...document.querySelectorAll('a[href^="tel:"]')]
            .filter((link) => link.getClientRects().length > 1 && link.checkVisibility())
            .map((link) => link.textContent.trim())"""
    )


def print_problems(page, live_site):
    page.emulate_media(media="print")
    problems = [
        f"{selector} is printed"
        for selector in HIDDEN_IN_PRINT
        if any(element.is_visible() for element in page.locator(selector).all())
    ]
    if not page.locator(".contact-person").first.is_visible():
        problems.append("no contact person on paper")
    if FOOTER_PHONE not in page.locator(".site-footer").inner_text():
        problems.append("the footer's phone number is not printed")
    internal = page.locator("main a[href^='/']:not(.button)")
    if internal.count():
        after = internal.first.evaluate("(link) => getComputedStyle(link, '::after').content")
        if live_site not in after:
            problems.append(f"an internal link is printed without its address: {after}")
    return problems


@pytest.mark.parametrize(("name", "language"), ALL_PAGES)
def test_page_in_the_browser(page, live_site, name, language):
    own_host = urlsplit(live_site).netloc
    foreign_requests, policy_violations, failed_requests = [], [], []
    page.on(
        "request", lambda request: urlsplit(request.url).netloc != own_host and foreign_requests.append(request.url)
    )
    page.on(
        "console", lambda message: "Content Security Policy" in message.text and policy_violations.append(message.text)
    )

    page.goto(live_site + in_language(PAGE_TYPES[name], language))
    page.wait_for_load_state("networkidle")

    assert foreign_requests == []
    assert failed_requests == []
    assert run_axe(page) == []
    assert {width: horizontal_overflow(page, width) for width in REFLOW_WIDTHS} == dict.fromkeys(REFLOW_WIDTHS, 0)
    page.set_viewport_size({"width": 320, "height": 800})
    assert broken_phone_numbers(page) == []
    if name != "not found":
        assert print_problems(page, live_site) == []
    assert policy_violations == []
