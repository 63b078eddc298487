"""Who decides on which house's requests: an approver of one house cannot see or act on
another house's requests, whatever address they type; moderators of other
contributions do not see room requests at all."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client

from participation.models import State
from rooms.models import House, RoomRequest

pytestmark = pytest.mark.django_db


def refused(response):
    """Wagtail's admin answers a PermissionDenied by sending the user to the dashboard."""
    return response.status_code == 302 and response["Location"] == "/admin/"


def approver_of(slug, email):
    group = Group.objects.create(name=f"Raumvergabe {slug}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    house = House.objects.get(slug=slug, locale__language_code="de")
    house.approvers = group
    house.save()
    user = get_user_model().objects.create_user(username=email, email=email, password="x")
    user.groups.add(group)
    browser = Client()
    browser.force_login(user)
    return browser


def waiting_request():
    """The demo's request waiting for a decision, in the Nachbarschaftshaus Linde."""
    return RoomRequest.objects.get(state=State.IN_REVIEW, room__house__slug="nachbarschaftshaus-linde")


def test_an_approver_of_another_house_can_neither_see_nor_decide(send):
    item = waiting_request()
    other = approver_of("gemeindehaus-st-marien", "kuester@example.org")
    inbox = other.get("/admin/rooms/requests/")
    assert inbox.status_code == 200 and item.title not in inbox.content.decode()
    assert refused(other.get(f"/admin/rooms/requests/{item.pk}/"))
    keep = [str(b.pk) for b in item.bookings.all()]
    assert refused(send(f"/admin/rooms/requests/{item.pk}/", {"decision": "approve", "keep": keep}, browser=other))
    assert refused(send(f"/admin/rooms/requests/{item.pk}/", {"decision": "decline", "reason": "Nein."}, browser=other))
    # Nor through the general moderation queue.
    assert other.get(f"/admin/contributions/{item.pk}/").status_code in (302, 403, 404)
    item.refresh_from_db()
    assert item.state == State.IN_REVIEW and not any(b.confirmed for b in item.bookings.all())


def test_the_house_s_own_approver_decides(send):
    item = waiting_request()
    own = approver_of("nachbarschaftshaus-linde", "linde@example.org")
    assert item.title in own.get("/admin/rooms/requests/").content.decode()
    keep = [str(b.pk) for b in item.bookings.all()]
    assert (
        send(f"/admin/rooms/requests/{item.pk}/", {"decision": "approve", "keep": keep}, browser=own).status_code == 302
    )
    item.refresh_from_db()
    assert item.state == State.PUBLISHED and all(b.confirmed for b in item.bookings.all())


def test_accounts_without_a_house_have_no_inbox_and_moderators_no_room_requests():
    editor = get_user_model().objects.create_user(username="ed", email="ed@example.org", password="x")
    editor.groups.add(Group.objects.get(name="Moderators"))
    browser = Client()
    browser.force_login(editor)
    assert refused(browser.get("/admin/rooms/requests/"))
    queue = browser.get("/admin/contributions/?tab=all").content.decode()
    assert waiting_request().title not in queue
