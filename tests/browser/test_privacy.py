"""No public page makes the browser talk to another host (fonts, scripts, maps, trackers)."""

from urllib.parse import urlsplit

import pytest

from tests.browser.pages import LANGUAGES, PAGE_TYPES, in_language


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_no_request_leaves_the_site(page, live_site, name, language):
    own_host = urlsplit(live_site).netloc
    foreign = []
    page.on(
        "request", lambda request: foreign.append(request.url) if urlsplit(request.url).netloc != own_host else None
    )
    page.goto(live_site + in_language(PAGE_TYPES[name], language))
    page.wait_for_load_state("networkidle")
    assert foreign == []
