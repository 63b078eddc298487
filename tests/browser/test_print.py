"""The Wegweiser on paper. (Every page type's print check: test_every_page.py.)"""

from tests.pages import PAGE_TYPES


def test_wegweiser_prints_whole_addresses_and_no_screen_hints(page, live_site):
    page.goto(live_site + PAGE_TYPES["printable overview"])
    page.emulate_media(media="print")
    assert not page.locator(".no-print").first.is_visible()
    first_offer = page.locator(".overview-entry__title a").first
    assert first_offer.get_attribute("href").startswith(live_site + "/de/hilfe-und-angebote/angebot/")
    pdf = page.pdf()
    assert len(pdf) > 10_000
