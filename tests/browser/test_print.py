"""Every page type prints cleanly: no navigation chrome, the contact person on paper,
whole addresses after the links."""

import pytest

from tests.browser.pages import PAGE_TYPES

HIDDEN_IN_PRINT = [".skip-link", ".site-header__nav", ".language-links", ".breadcrumbs", ".footer-links"]


@pytest.mark.parametrize("name", [name for name in PAGE_TYPES if name != "not found"])
def test_page_prints_cleanly(page, live_site, name):
    page.goto(live_site + PAGE_TYPES[name])
    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        for element in page.locator(selector).all():
            assert not element.is_visible(), f"{selector} is printed"
    assert page.locator(".contact-person").first.is_visible()
    assert "030 23125 417" in page.locator(".site-footer").inner_text()
    # Internal links in the content are followed by their whole address.
    internal = page.locator("main a[href^='/']:not(.button)")
    if internal.count():
        after = internal.first.evaluate("(link) => getComputedStyle(link, '::after').content")
        assert live_site in after
    assert page.pdf()[:4] == b"%PDF"


def test_wegweiser_prints_whole_addresses_and_no_screen_hints(page, live_site):
    page.goto(live_site + PAGE_TYPES["printable overview"])
    page.emulate_media(media="print")
    assert not page.locator(".no-print").first.is_visible()
    first_offer = page.locator(".overview-entry__title a").first
    assert first_offer.get_attribute("href").startswith(live_site + "/de/hilfe-und-angebote/angebot/")
    pdf = page.pdf()
    assert len(pdf) > 10_000
