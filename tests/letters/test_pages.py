"""The Quartiersbrief's public pages: the archive of sent issues, an issue's web
version (its queries do not grow with its items) and its PDF."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from letters.models import LetterIssuePage
from news.models import EventPage, NewsPage

pytestmark = pytest.mark.django_db


def test_the_archive_lists_sent_issues_only(client):
    page = client.get("/de/quartiersbrief/").content.decode()
    assert "Quartiersbrief Herbst" in page
    assert "Quartiersbrief Winter" not in page  # a draft
    assert client.get("/de/quartiersbrief/winter/").status_code == 404


def _queries(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_an_issue_costs_the_same_queries_with_more_items(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    issue = LetterIssuePage.objects.get(slug="herbst")
    issue.highlights = [("item", {"page": page, "note": ""}) for page in NewsPage.objects.live()[:2]]
    issue.whats_new = [("item", {"page": page, "note": ""}) for page in EventPage.objects.live()[:1]]
    issue.save_revision().publish()
    few = _queries(client, "/de/quartiersbrief/herbst/")
    issue.highlights = [("item", {"page": page, "note": "Notiz"}) for page in NewsPage.objects.live()[:8]]
    issue.whats_new = [("item", {"page": page, "note": ""}) for page in EventPage.objects.live()[:8]]
    issue.save_revision().publish()
    page = client.get("/de/quartiersbrief/herbst/").content.decode()
    assert page.count("<h3>") >= 12
    assert _queries(client, "/de/quartiersbrief/herbst/") == few


def test_the_issue_prints_as_pdf_or_says_why_not(client):
    response = client.get("/de/quartiersbrief/herbst/pdf/")
    assert response.status_code in (200, 503)
    if response.status_code == 200:
        assert response["Content-Type"] == "application/pdf"
