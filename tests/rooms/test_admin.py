"""Houses, rooms and group times through the admin's own forms."""

import json
from datetime import timedelta

import pytest

from django.utils import timezone

from rooms.models import GroupTime, House

from .helpers import lone_holiday, room

pytestmark = pytest.mark.django_db

# The rich text editor's format, as the admin form posts it.
RULES_BLOCK = {
    "key": "a", "type": "unstyled", "text": "Ruhe ab 22 Uhr.", "depth": 0, "inlineStyleRanges": [], "entityRanges": [],
}  # fmt: skip
CLOSURE_FORMS = {"TOTAL": "0", "INITIAL": "0", "MIN_NUM": "0", "MAX_NUM": "1000"}


def test_a_house_keeps_its_open_weekdays_and_refuses_a_route_as_address(admin_client):
    house = House.objects.get(slug="gemeinschaftshaus-hafenstrasse", locale__language_code="de")
    url = f"/admin/snippets/rooms/house/edit/{house.pk}/"
    form = admin_client.get(url)
    assert form.status_code == 200
    html = form.content.decode()
    assert 'name="open_weekdays" value="6"' in html and "checked" in html
    data = {
        "name": house.name, "slug": "termine", "description": house.description, "street": house.street,
        "postcode": house.postcode, "town": house.town, "phone": house.phone, "email": house.email,
        "opens_at": "09:00", "closes_at": "08:00", "open_weekdays": ["0", "2"],
        "rules": json.dumps({"blocks": [RULES_BLOCK], "entityMap": {}}), "approvers": "", "sort_order": "1",
        **{f"closures-{name}_FORMS": count for name, count in CLOSURE_FORMS.items()},
    }  # fmt: skip
    refused = admin_client.post(url, data)
    assert refused.status_code == 200
    assert "Diese Adresse verwendet die Website schon" in refused.content.decode()
    assert "Die Schließzeit muss nach der Öffnungszeit liegen" in refused.content.decode()
    data.update(slug=house.slug, closes_at="21:00")
    assert admin_client.post(url, data).status_code == 302
    house.refresh_from_db()
    assert house.open_weekdays == "02"
    assert "Ruhe ab 22 Uhr." in house.current_rules().text and house.current_rules().number == 2


def test_an_editor_enters_a_group_time_and_is_told_what_was_left_out(admin_client):
    holiday = lone_holiday()
    data = {
        "room": room().pk,
        "group": "Tanzkreis",
        "first_day": (holiday - timedelta(weeks=1)).isoformat(),
        "last_day": (holiday + timedelta(weeks=1)).isoformat(),
        "starts": "19:00",
        "ends": "20:30",
        "repeat": "weekly",
        "public": "on",
        "contact": "",
    }
    response = admin_client.post("/admin/snippets/rooms/grouptime/add/", data, follow=True)
    assert response.status_code == 200
    group_time = GroupTime.objects.get(group="Tanzkreis")
    assert group_time.bookings.count() == 2
    assert holiday.isoformat() in response.content.decode()
    # A season of more than a year, or an end before the start, is refused.
    data.update(group="Zu lang", last_day=(timezone.localdate() + timedelta(days=800)).isoformat())
    assert admin_client.post("/admin/snippets/rooms/grouptime/add/", data).status_code == 200
    assert not GroupTime.objects.filter(group="Zu lang").exists()
    # At the calendar's end, the series stops there instead of failing.
    data.update(group="Jahrtausend", first_day="9999-12-20", last_day="9999-12-31")
    assert admin_client.post("/admin/snippets/rooms/grouptime/add/", data).status_code == 302
    assert GroupTime.objects.get(group="Jahrtausend").bookings.count() == 2
