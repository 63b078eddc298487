"""The mentor looks after the board and nothing else; other accounts cannot moderate."""

import pytest

from django.contrib.auth import get_user_model
from django.test import Client

from clubs.demo import DEMO_CLUB_EMAIL
from exchange.demo import DEMO_MENTOR_EMAIL
from exchange.models import SwapPost
from participation.models import State

pytestmark = pytest.mark.django_db


def logged_in(email):
    browser = Client()
    browser.force_login(get_user_model().objects.get(email=email))
    return browser


@pytest.fixture
def mentor():
    return logged_in(DEMO_MENTOR_EMAIL)


def test_the_mentor_moderates_the_board(mentor):
    post = SwapPost.objects.get(state=State.IN_REVIEW)
    queue = mentor.get("/admin/contributions/")
    assert queue.status_code == 200
    assert post.title in queue.content.decode()
    assert mentor.get(f"/admin/contributions/{post.pk}/").status_code == 200
    assert mentor.post(f"/admin/contributions/{post.pk}/approve/").status_code == 302
    post.refresh_from_db()
    assert post.state == State.PUBLISHED
    assert mentor.get("/admin/snippets/exchange/swapcategory/").status_code == 200
    assert mentor.get("/admin/swap-board/on-behalf/").status_code == 200


@pytest.mark.parametrize(
    "address",
    [
        "/admin/pages/3/edit/",
        "/admin/pages/add/home/standardpage/3/",
        "/admin/snippets/directory/provider/",
        "/admin/snippets/directory/offer/",
        "/admin/settings/home/sitesettings/",
        "/admin/settings/participation/moderationsettings/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/images/",
    ],
)
def test_the_mentor_can_do_nothing_else(mentor, address):
    response = mentor.get(address)
    assert response.status_code in (302, 403), address


def test_accounts_without_the_role_cannot_moderate():
    club = logged_in(DEMO_CLUB_EMAIL)
    post = SwapPost.objects.get(state=State.IN_REVIEW)
    for response in (
        club.get("/admin/contributions/"),
        club.get(f"/admin/contributions/{post.pk}/"),
        club.post(f"/admin/contributions/{post.pk}/approve/"),
        club.get("/admin/swap-board/on-behalf/"),
    ):
        # Wagtail answers a refusal in the admin with a redirect to the dashboard.
        assert (response.status_code, response.get("Location")) in ((403, None), (302, "/admin/"))
    post.refresh_from_db()
    assert post.state == State.IN_REVIEW


def test_residents_cannot_reach_the_admin(client):
    post = SwapPost.objects.get(state=State.IN_REVIEW)
    response = client.post(f"/admin/contributions/{post.pk}/approve/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    post.refresh_from_db()
    assert post.state == State.IN_REVIEW
