"""How well the site search finds what residents mean (issue 25), measured against the
judged queries of tests/search_judgements.py on the demo content.

The measure reads only what a resident sees: each query is asked as an anonymous
visitor on /de/search/, and the result links are read from the page in document order
(the sections of the directory and the swap board first, then the pages), as links
inside the result lists. Nothing here knows how the search finds or ranks, so the
engine can be rewritten without touching this file.

- recall@5: the share of judgements with an expected address among the first five links;
- MRR: the mean of 1 / the rank of the first expected address among all result links of
  the first page of results (0 when none is there).

The table of every query is printed (shown with `pytest -s`, and when the test fails); with
SEARCH_QUALITY_REPORT=<path> the summary is also written there as JSON.
"""

import json
import os
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from django.db import connection, transaction
from django.test.utils import override_settings

from tests.search_judgements import JUDGED_QUERIES, KINDS

SEARCH_PATH = "/de/search/"
TOP = 5
# Measured on the demo (docs/search.md): before the query was read as residents mean
# it, SQLite 0.17 and PostgreSQL 0.38; with it, SQLite 0.60 (38 of 63) and PostgreSQL
# 0.73 (46 of 63). The floor is the lower one, rounded down. The target of issue 25 is
# 0.95: raise the floor as the search improves, never lower it.
RECALL_FLOOR = 0.95
# Each kind of difficulty has enough judgements to be measured on its own.
MINIMUM_PER_KIND = {
    "word form": 8,
    "compound": 7,
    "typo": 7,
    "several words": 7,
    "synonym": 6,
    "umlaut": 5,
    "plain": 1,
}


class ResultLinks(HTMLParser):
    """The addresses of the links inside the page's result lists (`<ul>`/`<ol>` with
    the class "search-results"), in document order; the links to all matches of a
    section and the pagination stand outside these lists."""

    def __init__(self):
        super().__init__()
        self.lists = []  # for each open ul/ol: is it a result list?
        self.paths = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("ul", "ol"):
            self.lists.append("search-results" in (attributes.get("class") or "").split())
        elif tag == "a" and any(self.lists) and attributes.get("href"):
            self.paths.append(urlsplit(attributes["href"]).path)

    def handle_endtag(self, tag):
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()


def result_paths(html):
    parser = ResultLinks()
    parser.feed(html)
    parser.close()
    return parser.paths


@dataclass
class Outcome:
    judgement: object
    status: int
    paths: list

    @property
    def rank(self):
        """1-based position of the first expected address among all result links."""
        for position, path in enumerate(self.paths, start=1):
            if path in self.judgement.expected:
                return position
        return None

    @property
    def found(self):
        return self.rank is not None and self.rank <= TOP


@pytest.fixture(scope="module")
def outcomes(django_db_setup, django_db_blocker):
    """Every judged query asked once, by one anonymous visitor, rolled back afterwards.
    The per-address search limit is lifted: a person never searches this fast."""
    from django.core.cache import cache
    from django.test import Client

    visitor = Client()
    found = []
    limit = 100 * len(JUDGED_QUERIES)
    with django_db_blocker.unblock(), override_settings(SEARCH_RATE_LIMIT_PER_IP=limit), transaction.atomic():
        vendor = connection.vendor
        for judgement in JUDGED_QUERIES:
            response = visitor.get(SEARCH_PATH, {"q": judgement.query})
            found.append(Outcome(judgement, response.status_code, result_paths(response.content.decode())))
        transaction.set_rollback(True)
    cache.clear()
    return vendor, found


def recall(found):
    return sum(outcome.found for outcome in found) / len(found)


def summary(vendor, found):
    mrr = sum(1 / outcome.rank for outcome in found if outcome.rank) / len(found)
    by_kind = {}
    for kind in KINDS:
        of_kind = [outcome for outcome in found if outcome.judgement.kind == kind]
        if of_kind:
            by_kind[kind] = {"judged": len(of_kind), "found": sum(outcome.found for outcome in of_kind)}
    return {
        "vendor": vendor,
        "judgements": len(found),
        "recall": round(recall(found), 4),
        "mrr": round(mrr, 4),
        "recall_floor": RECALL_FLOOR,
        "by_kind": by_kind,
        "misses": [
            {"query": outcome.judgement.query, "kind": outcome.judgement.kind, "rank": outcome.rank}
            for outcome in found
            if not outcome.found
        ],
    }


def table(report, found):
    width = max(len(outcome.judgement.query) for outcome in found) + 2
    lines = [
        f"Search quality on {report['vendor']}: recall@{TOP} {report['recall']:.2f}, "
        f"MRR {report['mrr']:.2f} ({report['judgements']} judgements, floor {RECALL_FLOOR:.2f})",
        f"{'query':<{width}}{'kind':<15}rank",
    ]
    for outcome in found:
        if outcome.found:
            rank = str(outcome.rank)
        elif outcome.rank:
            rank = f"miss (rank {outcome.rank})"
        else:
            rank = "miss"
        lines.append(f"{outcome.judgement.query:<{width}}{outcome.judgement.kind:<15}{rank}")
    lines.append(
        "by kind: "
        + ", ".join(f"{kind} {counts['found']}/{counts['judged']}" for kind, counts in report["by_kind"].items())
    )
    return "\n".join(lines)


def test_judgements_are_well_formed():
    assert len(JUDGED_QUERIES) >= 45
    assert len({judgement.query for judgement in JUDGED_QUERIES}) == len(JUDGED_QUERIES), "a query is judged twice"
    for judgement in JUDGED_QUERIES:
        assert judgement.kind in KINDS, judgement
        assert judgement.expected and isinstance(judgement.expected, tuple), judgement
        assert all(path.startswith("/de/") and path.endswith("/") for path in judgement.expected), judgement
        assert judgement.note, judgement
    for kind, minimum in MINIMUM_PER_KIND.items():
        assert sum(judgement.kind == kind for judgement in JUDGED_QUERIES) >= minimum, kind


@pytest.mark.django_db
def test_every_expected_page_answers(client):
    """A misspelt slug in a judgement would count as a miss forever: each expected
    address must be a page an anonymous visitor can open."""
    paths = sorted({path for judgement in JUDGED_QUERIES for path in judgement.expected})
    failing = {path: status for path in paths if (status := client.get(path).status_code) != 200}
    assert not failing


# Marked for the database so that it runs among the database tests, before the
# transactional tests have emptied the demo (as the shared crawl does).
@pytest.mark.django_db
def test_search_quality(outcomes):
    vendor, found = outcomes
    failing = {outcome.judgement.query: outcome.status for outcome in found if outcome.status != 200}
    assert not failing, f"the search page did not answer 200: {failing}"

    report = summary(vendor, found)
    print(table(report, found))
    if path := os.environ.get("SEARCH_QUALITY_REPORT"):
        with open(path, "w", encoding="utf-8") as file:
            json.dump(report, file, ensure_ascii=False, indent=2)

    assert recall(found) >= RECALL_FLOOR, (
        f"recall@{TOP} {report['recall']:.2f} fell below the floor {RECALL_FLOOR:.2f}: "
        f"{len(report['misses'])} of {len(found)} judgements missed (see the table above)"
    )
