"""Content Security Policy: strict on the public site, looser for the Wagtail admin, and
public templates that need nothing looser (no inline script, style or event handler)."""

import re
from html.parser import HTMLParser

import pytest

from tests.pages import LANGUAGES, PAGE_TYPES

# Script types a browser executes; anything else (application/ld+json, a <template>)
# is a data block that CSP does not govern.
EXECUTABLE_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


def directives(header):
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


class InlineCodeFinder(HTMLParser):
    """Collects everything a strict policy would block: style attributes, <style>
    elements, on* handlers, javascript: URLs and executable scripts without src."""

    def __init__(self):
        super().__init__()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        where = f"<{tag} {' '.join(f'{name}={value!r}' for name, value in attrs)}>"[:200]
        if "style" in attributes:
            self.problems.append(f"style attribute: {where}")
        self.problems += [f"event handler {name}: {where}" for name in attributes if name.startswith("on")]
        if any((value or "").strip().lower().startswith("javascript:") for value in attributes.values()):
            self.problems.append(f"javascript: URL: {where}")
        if tag == "style":
            self.problems.append("<style> element")
        script_type = (attributes.get("type") or "").strip().lower()
        if tag == "script" and not attributes.get("src") and script_type in EXECUTABLE_SCRIPT_TYPES:
            self.problems.append(f"inline script: {where}")


def inline_code(html):
    finder = InlineCodeFinder()
    finder.feed(html)
    return finder.problems


@pytest.mark.django_db
def test_pages_from_the_page_cache_send_the_strict_policy_too(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    first, second = client.get("/de/"), client.get("/de/")
    assert first["Content-Security-Policy"] == second["Content-Security-Policy"]
    assert "'unsafe-inline'" not in second["Content-Security-Policy"]


@pytest.mark.django_db
def test_admin_login_sends_the_looser_admin_policy(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'unsafe-inline'" in policy["style-src"]
    # The page preview is an iframe of the admin itself.
    assert policy["frame-ancestors"] == ["'self'"]
    # Looser, but still nothing from another host.
    for values in policy.values():
        assert not any(value.startswith(("http:", "https:", "*")) for value in values), values


@pytest.mark.django_db
def test_admin_pages_for_an_editor_send_the_admin_policy(editor_client):
    response = editor_client.get("/admin/pages/")
    assert response.status_code == 200
    assert "'unsafe-inline'" in directives(response["Content-Security-Policy"])["script-src"]


def test_json_ld_and_templates_are_not_counted_as_inline_code():
    assert inline_code('<script type="application/ld+json">{"@type": "Event"}</script>') == []
    assert inline_code('<script src="/static/x.js"></script>') == []
    assert inline_code("<script>alert(1)</script>") != []
    assert inline_code('<p style="color: red">x</p>') != []
    assert inline_code('<button onclick="go()">x</button>') != []


# Marked for the database so that it runs among the database tests: after them
# the transactional tests have emptied it, and the browser tests keep an event loop.
@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_public_page_sends_the_strict_policy_and_needs_nothing_looser(crawl, name, language):
    visit = crawl[name, language]
    policy = directives(visit.content_security_policy)
    for directive in ["default-src", "script-src", "style-src", "connect-src", "form-action", "base-uri"]:
        assert policy[directive] == ["'self'"], directive
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in visit.content_security_policy
    assert "'unsafe-eval'" not in visit.content_security_policy
    assert inline_code(visit.html) == []


@pytest.mark.django_db
def test_print_origin_comes_from_a_stylesheet(client):
    html = client.get("/de/").content.decode()
    assert re.search(r'<link rel="stylesheet" href="/print-origin\.css" media="print">', html)
    response = client.get("/print-origin.css")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/css; charset=utf-8"
    assert response.content.decode() == ':root { --print-origin: "http://testserver"; }\n'
    assert "max-age=86400" in response["Cache-Control"]


@pytest.mark.django_db
def test_print_origin_is_the_base_url_whatever_host_was_asked(client, settings):
    settings.BASE_URL = "https://lindenkiez.example"
    response = client.get("/print-origin.css", HTTP_HOST="localhost", secure=True)
    assert response.content.decode() == ':root { --print-origin: "https://lindenkiez.example"; }\n'
