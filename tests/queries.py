"""Counting the queries of a page as its first request after a publication makes them."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import page_cache


def reads(client, path, *tables):
    """The response to a GET of `path` and the SQL of its queries, only those that
    read one of `tables` when any are named."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    statements = [query["sql"] for query in queries]
    if tables:
        statements = [sql for sql in statements if any(f'"{table}"' in sql for table in tables)]
    return response, statements


def count_fresh_queries(client, path, status=200):
    """Queries of a request for `path` in a new page-cache generation: no cached frame
    fragment (menu, footer) can hide what rendering the page reads, so a count that
    grows with the content shows. A first fresh request fills what lasts as long as
    the process and is made once (content types, the renditions of new images) and is
    not counted."""
    page_cache.bump_generation()
    client.get(path)
    page_cache.bump_generation()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == status, path
    return len(queries)
