"""The Wegweiser on paper. (Every page type's print check: test_every_page.py.)"""

from tests.pages import PAGE_TYPES


def test_wegweiser_prints_phones_and_addresses_and_no_screen_hints(page, live_site):
    page.goto(live_site + PAGE_TYPES["printable overview"])
    print_button = page.locator("[data-print-button]")
    assert print_button.is_visible(), "the print button is shown where scripts run"
    page.emulate_media(media="print")
    assert not print_button.is_visible()
    assert not page.locator(".no-print").first.is_visible()
    first_offer = page.locator(".overview-entry__title a").first
    assert first_offer.get_attribute("href").startswith(live_site + "/de/hilfe-und-angebote/angebot/")
    # The title is not followed by its web address: the entry prints phone and address.
    assert first_offer.evaluate("(link) => getComputedStyle(link, '::after').content") == "none"
    assert "Telefon:" in page.locator(".overview-entry").first.inner_text()
    pdf = page.pdf()
    assert len(pdf) > 10_000
