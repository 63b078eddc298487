"""The board and a post cost the same number of queries with a dozen posts or a few
hundred."""

from datetime import timedelta

import pytest

from django.utils import timezone

from exchange.models import SwapCategory, SwapPost
from participation.models import Resident, State
from tests.queries import count_fresh_queries

from .helpers import BOARD, post_url, public_post

pytestmark = pytest.mark.django_db


def add_posts(count):
    now = timezone.now()
    resident, _created = Resident.objects.get_or_create(email="viele@example.org", defaults={"confirmed_at": now})
    categories = list(SwapCategory.objects.all())
    for number in range(count):
        SwapPost.objects.create(
            resident=resident,
            direction="offer" if number % 2 else "request",
            subject="thing",
            mode="give",
            title=f"Ding {number}",
            description="Etwas zum Verschenken.",
            category=categories[number % len(categories)],
            area="Lindenplatz",
            state=State.PUBLISHED,
            published_at=now - timedelta(hours=number),
            expires_at=now + timedelta(days=20),
        )


PATHS = [BOARD, BOARD + "?direction=offer&category=haushalt&new=on&q=Ding", BOARD + "aushang/", BOARD + "feed/"]


def test_query_counts_do_not_grow_with_the_posts(client):
    post = public_post()
    paths = [*PATHS, post_url(post)]
    add_posts(3)  # so that the filtered list finds some before, too
    before = {path: count_fresh_queries(client, path) for path in paths}
    add_posts(250)
    after = {path: count_fresh_queries(client, path) for path in paths}
    assert before == after
    assert max(after.values()) <= 25, after
