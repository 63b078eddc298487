"""Rendering a page costs the same number of queries however much content the site has."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.home.factories import StandardPageFactory

# An upper bound, so that a slow creep shows up even when both sizes grow together.
MAX_QUERIES_PER_PAGE = 20


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def grow_site(home_page, count):
    for _ in range(count):
        section = StandardPageFactory(parent=home_page)
        StandardPageFactory(parent=section, show_in_menus=False)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/de/", "/de/kontakt/", "/de/search/?q=Kiez"])
def test_query_count_does_not_grow_with_content(client, home_page, path):
    client.get(path)  # warm caches that are filled once per process, not per request
    small = count_queries(client, path)
    grow_site(home_page, 40)
    large = count_queries(client, path)
    assert small == large, f"{path}: {small} queries with demo content, {large} with 80 more pages"
    assert large <= MAX_QUERIES_PER_PAGE
