"""A club volunteer after logging in: the dashboard leads to the club's page and to a
new event in one click, and the menu holds nothing the account cannot use."""

import json
import re

import pytest

from .helpers import club


def sidebar_urls(html):
    props = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S)
    return set(re.findall(r'"url": "([^"]+)"', json.dumps(json.loads(props.group(1)))))


@pytest.mark.django_db
def test_the_dashboard_leads_to_the_club_page_and_a_new_event(club_member, other_club):
    own = club("sv-lindenkiez")
    html = club_member.get("/admin/").content.decode()
    panel = html.split("your-club", 1)[1]
    assert f'href="/admin/pages/{own.pk}/edit/"' in panel
    add_event = f"/admin/pages/add/news/eventpage/{own.pk}/"
    assert f'href="{add_event}"' in panel
    assert "Sommerfest des SV Lindenkiez" in panel
    assert "Lindenchor" not in panel and "Chorkonzert" not in panel
    assert club_member.get(add_event).status_code == 200
    assert club_member.get(f"/admin/pages/{own.pk}/edit/").status_code == 200


@pytest.mark.django_db
def test_the_club_menu_has_no_reports_workflows_or_translations(club_member, editor_client):
    urls = sidebar_urls(club_member.get("/admin/").content.decode())
    assert "/admin/pages/" in urls
    assert not [url for url in urls if url.startswith(("/admin/reports/", "/admin/localize/", "/admin/workflows/"))]
    editor_urls = sidebar_urls(editor_client.get("/admin/").content.decode())
    assert "/admin/reports/site-history/" in editor_urls
    assert "your-club" not in editor_client.get("/admin/").content.decode()
