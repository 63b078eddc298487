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


@pytest.mark.parametrize("width", [390, 1280])
def test_the_phone_box_comes_before_the_enquiry_form(browser, live_site, width):
    """The offer says "by form or phone": the number is seen before the form, on a phone
    above it, on a wide screen above or beside it, never below."""
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="de-DE")
    page = context.new_page()
    page.goto(live_site + "/de/hilfe-und-angebote/angebot/babysitting/")
    box = page.locator(".rather-call").bounding_box()
    form = page.locator("form.resident-form").bounding_box()
    context.close()
    assert box and form
    assert box["y"] <= form["y"], f"at {width} px the phone box starts at {box['y']}, the form at {form['y']}"


def test_german_content_on_an_arabic_page_reads_left_to_right(phone, live_site):
    """A German article shown in the Arabic news list is marked as German and laid out
    left to right inside the right-to-left page."""
    phone.goto(live_site + "/ar/neuigkeiten/")
    assert phone.evaluate("document.documentElement.dir") == "rtl"
    title = phone.locator(".article-card h2 a, .article-card h3 a").first
    assert title.get_attribute("lang") == "de"
    assert title.evaluate("element => getComputedStyle(element).direction") == "ltr"
