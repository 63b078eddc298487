"""The resident's own page, reached only by a private link, in the browser: the same
checks as every public page (axe, reflow at 320 px, nothing from other hosts), in
German, English and Arabic."""

import pytest

from tests.browser.conftest import ask_live_site, run_axe
from tests.browser.test_every_page import horizontal_overflow
from tests.pages import LANGUAGES

LINK = (
    "from participation.lifecycle import resident_link; from participation.models import Resident; "
    "from exchange.demo import DEMO_RESIDENT_DOMAIN; "
    "print(resident_link(Resident.objects.get(email='mira@' + DEMO_RESIDENT_DOMAIN)))"
)


@pytest.fixture(scope="module")
def resident_path(live_site):
    return "/" + ask_live_site(LINK).split("/", 3)[3]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_resident_page_in_the_browser(page, live_site, resident_path, language):
    page.goto(live_site + f"/{language}/" + resident_path.split("/", 2)[2])
    assert page.locator("h1").count() == 1
    assert page.locator(".resident-item").count() == 2
    assert run_axe(page) == []
    assert horizontal_overflow(page, 320) == 0
