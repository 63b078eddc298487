"""Links from a page shown in another language keep the reader's language.

An untranslated page is served under every language prefix (FallbackRoutingMixin), so a
reader on /en/ who follows "All news" must land on /en/..., not be sent back to the
German interface. Only the language switcher and the hreflang alternates (both carry
hreflang) and the canonical address (the German original's) name /de/ on purpose."""

import re

import pytest

from tests.pages import PAGE_TYPES

GERMAN_LINK = re.compile(r'<(?:a|link|form)\b[^>]*?(?:href|action)="(?:http://testserver)?/de/[^"]*"[^>]*>')


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_no_link_leads_back_to_the_german_interface(crawl, name, language):
    visit = crawl[name, language]
    leaks = [tag for tag in GERMAN_LINK.findall(visit.html) if "hreflang=" not in tag and 'rel="canonical"' not in tag]
    assert not leaks, f"{visit.path}: " + "\n".join(leaks)


@pytest.mark.django_db
def test_the_links_in_the_readers_language_lead_somewhere(crawl, client):
    """The rewritten addresses are served: every page link of an English page answers."""
    links = set()
    for name in ("home", "club page", "repeating event", "letter issue", "volunteering"):
        links.update(re.findall(r'<a\b[^>]*?href="(/en/[^"#?]*)', crawl[name, "en"].html))
    assert len(links) > 20
    broken = [link for link in sorted(links) if client.get(link).status_code >= 400]
    assert not broken
