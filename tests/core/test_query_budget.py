"""No public page of the demo costs more than 25 SQL queries, in any test language.

The pages are the shared crawl's (tests/pages.py), so a page type added there is counted
here too. The per-app modules (tests/<app>/test_query_counts.py) check that the counts
do not grow with the amount of content; this one holds every page type to the site-wide
budget of issue 8.
"""

import pytest

from tests.pages import LANGUAGES, PAGE_TYPES

MAX_QUERIES = 25
# Page types that answer with another status on purpose.
EXPECTED_STATUS = {"not found": 404}


# Marked for the database so that it runs among the database tests: after them
# the transactional tests have emptied it, and the browser tests keep an event loop.
@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_page_stays_within_query_budget(crawl, name, language):
    visit = crawl[name, language]
    assert visit.status == EXPECTED_STATUS.get(name, 200), visit.path
    assert len(visit.queries) <= MAX_QUERIES, f"{visit.path}: {len(visit.queries)} queries\n" + "\n".join(
        sql[:200] for sql in visit.queries
    )
