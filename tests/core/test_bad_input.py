"""Malformed, oversized, wrongly encoded and hostile input at every public view: the
answer is a 4xx or a page, never a 500, and nothing stored changes. Each view is swept
once (tests/pages.py lists one address per view), not once per page it serves."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.database import stored_state
from tests.pages import VIEWS

# Query parameters the public views read; fuzzing uses them and random names.
KNOWN_PARAMETERS = ["q", "page", "tag", "category", "kind", "period", "when", "date", "from", "to", "area", "free"]
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
    "2026-13-01",
    "0000-01-01",
    "1900-01-01",
    "9999-12-31",
    "9999-99-99",
    "31.12.2999",
    # A parameter given twice.
    ["umwelt", "kinder"],
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


@pytest.mark.django_db
def test_hostile_query_values_everywhere(client):
    before = stored_state()
    for path in VIEWS:
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
def test_invalid_utf8_in_the_query_string(client):
    for path in VIEWS:
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
def test_posts_without_csrf_token_are_refused(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    before = stored_state()
    for path in VIEWS:
        response = strict.post(path, {"q": "x" * 10_000})
        if path.startswith("/de/brief/abmelden/"):
            # RFC 8058: mail programs unsubscribe with a POST without any cookie; the
            # signed token in the address is the proof, and a forged one is a 400.
            assert response.status_code == 400, path
            continue
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
def test_fuzzed_queries_never_fail(client, path_index, query):
    path = VIEWS[path_index % len(VIEWS)]
    response = client.get(path, query)
    assert response.status_code < 500, (path, query)
