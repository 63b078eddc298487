"""The Quartiersbrief's HTML mails pass the same HTML checker as the pages, left to
right and right to left, and read well as plain text."""

from datetime import timedelta

import pytest

from django.utils import timezone

from letters.content import Item
from letters.models import LetterIssuePage, Topic
from letters.sending import render_digest, render_issue
from tests.browser.conftest import vnu_problems

pytestmark = pytest.mark.django_db


def test_the_mails_html_is_valid_and_the_text_part_says_the_same(tmp_path):
    issue = LetterIssuePage.objects.get(slug="herbst")
    now = timezone.now()
    item = Item(Topic.SWAP, "Kinderfahrrad <20 Zoll>", "Gut & günstig", "https://example.org/de/t/1/", now, "de")
    mails = {
        "issue-de": render_issue(issue, "de"),
        "issue-ar": render_issue(issue, "ar"),
        "digest-en": render_digest({Topic.SWAP: [item]}, "en", now - timedelta(days=7)),
    }
    for name, mail in mails.items():
        (tmp_path / f"{name}.html").write_text(mail.html)
        for line in ("Quartiersbrief Herbst" if name.startswith("issue") else "Kinderfahrrad <20 Zoll>",):
            assert line in mail.text  # the text part, not escaped
    assert 'dir="rtl"' in mails["issue-ar"].html and 'lang="de" dir="ltr"' in mails["issue-ar"].html
    assert "Kinderfahrrad &lt;20 Zoll&gt;" in mails["digest-en"].html
    problems = vnu_problems(tmp_path.glob("*.html"))
    assert problems == [], "\n".join(problems)
