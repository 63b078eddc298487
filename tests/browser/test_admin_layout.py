"""An editor's admin on a 1280 px screen: the list of enquiries fits beside the menu,
no column cut off, and each enquiry opens its detail view."""

import secrets

from playwright.sync_api import expect

from tests.browser.conftest import ask_live_site

ENQUIRIES = """
from django.contrib.auth import get_user_model
from directory.models import Enquiry, Offer
user = get_user_model().objects.create_superuser("layout-editor", "layout@example.org", "{password}")
for offer in Offer.objects.select_related("provider")[:3]:
    Enquiry.objects.create(
        offer=offer, offer_title="Layout probe: " + offer.title, provider_name=offer.provider.name,
        name="Erika Mustermann", message="Hallo", state="failed", attempts=7, routed_to_contact_person=True,
        recipient="beratungsstelle.nachbarschaftshilfe@lindenkiez-nachbarschaft.example.org",
    )
print(Enquiry.objects.count())
"""


def test_the_enquiry_list_fits_a_1280_pixel_screen(page, live_site):
    password = secrets.token_urlsafe(16)
    assert int(ask_live_site(ENQUIRIES.format(password=password))) >= 3
    page.goto(live_site + "/admin/login/")
    page.fill("#id_username", "layout-editor")
    page.fill("#id_password", password)
    # The login must have landed before the next address is asked for.
    with page.expect_navigation():
        page.click("button[type=submit]")
    page.goto(live_site + "/admin/enquiry/")
    page.wait_for_selector("table.listing")
    widths = page.evaluate(
        """() => {
            const table = document.querySelector("table.listing");
            return {right: table.getBoundingClientRect().right, scroll: table.parentElement.scrollWidth,
                    box: table.parentElement.clientWidth, viewport: innerWidth};
        }"""
    )
    assert widths["right"] <= widths["viewport"], widths
    assert widths["scroll"] <= widths["box"], widths
    # Other browser tests send enquiries too; open one of this test's.
    with page.expect_navigation():
        page.locator("table.listing tbody a", has_text="Layout probe").first.click()
    assert "/admin/enquiry/inspect/" in page.url
    # Waits for the detail view to be shown: right after the click it may not be yet.
    expect(page.get_by_text("beratungsstelle.nachbarschaftshilfe@lindenkiez-nachbarschaft.example.org")).to_be_visible()
