"""Public pages run under the strict Content Security Policy without a single
violation: the browser reports each one on the console."""

import pytest

from tests.browser.pages import PAGE_TYPES


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_public_page_violates_no_content_security_policy(page, live_site, name):
    violations = []
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    response = page.goto(live_site + PAGE_TYPES[name])
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    assert violations == []
