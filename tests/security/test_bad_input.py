"""Malformed, oversized, wrongly encoded and hostile input at every public URL: the
answer is a 4xx or a page, never a 500, and nothing stored changes."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.apps import apps

from wagtail.models import Page

# Query parameters the public views read; fuzzing uses them and random names.
KNOWN_PARAMETERS = ["q", "page", "tag", "category", "kind", "period", "date", "from", "to", "area", "free"]
HOSTILE_VALUES = [
    "",
    "abc",
    "-1",
    "0",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "\x00",
    "%00",
    "'; DROP TABLE wagtailcore_page; --",
    "<script>alert(1)</script>",
    "../../../../etc/passwd",
    "ü" * 3000,
    "😀" * 500,
    "2026-02-30",
    "9999-99-99",
    "{{7*7}}",
    "${jndi:ldap://x}",
]
HOSTILE_PATHS = [
    "/de/%ff%fe/",
    "/de/..%2f..%2fetc%2fpasswd",
    "/de/<script>/",
    "/de/" + "a" * 4000 + "/",
    "/de/%00/",
    "/xx/",
    "/de//ueber-uns/",
    "/de/ueber-uns/?page=2&page=3",
    "/static/../manage.py",
    "/media/../quartier/settings/base.py",
]


def public_paths():
    paths = ["/de/search/", "/en/search/", "/sitemap.xml", "/robots.txt", "/healthz"]
    for page in Page.objects.live().public().filter(depth__gt=1):
        url = page.get_url()
        paths += [url, url.replace("/de/", "/en/", 1)]
    return paths


# Made on first view of an image, like a cache: not content a request may change.
DERIVED_MODELS = {"wagtailimages.Rendition", "sessions.Session"}


def stored_state():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if not model._meta.proxy and model._meta.label not in DERIVED_MODELS
    }


@pytest.fixture
def paths(db):
    return public_paths()


@pytest.mark.django_db
def test_hostile_query_values_everywhere(client, paths):
    before = stored_state()
    for path in paths:
        for value in HOSTILE_VALUES:
            # Every parameter at once: the views read them independently, so a value
            # that breaks one of them shows here too.
            response = client.get(path, dict.fromkeys(KNOWN_PARAMETERS, value))
            assert response.status_code < 500, (path, value, response.status_code)
    assert stored_state() == before


@pytest.mark.django_db
@pytest.mark.parametrize("path", HOSTILE_PATHS)
def test_hostile_paths(client, path):
    assert client.get(path).status_code in {200, 301, 302, 400, 404}


@pytest.mark.django_db
def test_invalid_utf8_in_the_query_string(client, paths):
    for path in paths:
        response = client.get(path, QUERY_STRING="q=%ff%fe%fd&page=%c3%28")
        assert response.status_code < 500, path


@pytest.mark.django_db
def test_hostile_headers(client):
    headers = [
        {"HTTP_ACCEPT_LANGUAGE": "x" * 5000},
        {"HTTP_ACCEPT_LANGUAGE": "de;q=abc, ;;;, *"},
        {"HTTP_COOKIE": "sessionid=" + "A" * 4000 + "; csrftoken=\x00"},
        {"HTTP_USER_AGENT": "\x00" * 100},
        {"HTTP_X_FORWARDED_FOR": "not an address, , 999.999.1.1"},
        {"HTTP_REFERER": "javascript:alert(1)"},
    ]
    for extra in headers:
        for path in ("/", "/de/", "/de/search/?q=Kiez", "/admin/login/"):
            response = client.get(path, **extra)
            assert response.status_code < 500, (path, extra)


@pytest.mark.django_db
def test_unknown_host_is_a_400(client):
    assert client.get("/de/", HTTP_HOST="evil.example.com").status_code == 400


@pytest.mark.django_db
def test_posts_without_csrf_token_are_refused(client, paths):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    before = stored_state()
    for path in paths:
        response = strict.post(path, {"q": "x" * 10_000})
        assert response.status_code in {403, 405}, path
    assert stored_state() == before


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path_index=st.integers(min_value=0, max_value=10_000),
    query=st.dictionaries(
        st.one_of(st.sampled_from(KNOWN_PARAMETERS), st.text(min_size=1, max_size=20)),
        st.text(max_size=300),
        max_size=5,
    ),
)
def test_fuzzed_queries_never_fail(client, paths, path_index, query):
    path = paths[path_index % len(paths)]
    response = client.get(path, query)
    assert response.status_code < 500, (path, query)
