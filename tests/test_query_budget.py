"""No public page of the demo costs more than 25 SQL queries, in German or English.

The page list is the browser tests' one (tests/browser/pages.py), so a page type added
there is counted here too. The per-app modules (tests/<app>/test_query_counts.py) check
that the counts do not grow with the amount of content; this one holds every page type
to the site-wide budget of issue 8.
"""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.browser.pages import LANGUAGES, PAGE_TYPES, in_language

MAX_QUERIES = 25
# Page types that answer with another status on purpose.
EXPECTED_STATUS = {"not found": 404}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_page_stays_within_query_budget(client, name, language):
    path = in_language(PAGE_TYPES[name], language)
    # Caches filled once per process (content types, site root paths, renditions) are
    # not what a resident's request costs.
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == EXPECTED_STATUS.get(name, 200), path
    assert len(queries) <= MAX_QUERIES, f"{path}: {len(queries)} queries\n" + "\n".join(
        query["sql"][:200] for query in queries.captured_queries
    )
