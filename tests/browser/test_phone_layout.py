"""A resident on a phone (390 x 844, an iPhone 12 to 15): the page's heading is on the
first screen, not below a header that fills it; the phone number and the search stay
in the header; the menu opens from a <details> without JavaScript."""

import pytest

PAGES = ["/de/", "/de/hilfe-und-angebote/", "/de/veranstaltungen/", "/ar/"]


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="de-DE", java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_the_heading_is_within_the_first_300_pixels(phone, live_site, path):
    phone.goto(live_site + path)
    top = phone.evaluate("document.querySelector('main h1').getBoundingClientRect().top")
    assert top <= 300, f"{path}: the heading starts at {top} px"
    for selector in (".site-header__phone a", "#header-search"):
        box = phone.locator(selector).first.bounding_box()
        assert box and box["y"] < 300, f"{path}: {selector} is not in the header's first screen"


def test_the_menu_opens_without_javascript(phone, live_site):
    phone.goto(live_site + "/de/")
    menu = phone.locator(".main-nav")
    assert not phone.locator(".main-nav a", has_text="Tauschbörse").first.is_visible()
    phone.locator(".main-nav summary").click()
    assert phone.locator(".main-nav a", has_text="Tauschbörse").first.is_visible()
    assert menu.get_attribute("aria-label")


def test_the_menu_is_open_on_a_wide_screen(page, live_site):
    page.goto(live_site + "/de/")
    assert page.locator(".main-nav a", has_text="Tauschbörse").first.is_visible()
