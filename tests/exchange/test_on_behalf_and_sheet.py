"""For residents who are not online: the office enters a post for them, messages reach
them through the office, and the weekly sheet lists every current post."""

import pytest

from django.contrib.auth import get_user_model
from django.test import Client

from wagtail.models import ModelLogEntry

from exchange.demo import DEMO_MENTOR_EMAIL
from exchange.models import SwapCategory, SwapPost
from participation.models import State

from .helpers import BOARD, message_data, post_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def mentor():
    browser = Client()
    browser.force_login(get_user_model().objects.get(email=DEMO_MENTOR_EMAIL))
    return browser


def on_behalf_data(**overrides):
    data = {
        "name": "Erna Schulz",
        "phone": "030 1234567",
        "email": "",
        "note": "Anruf am Dienstag",
        "direction": "offer",
        "subject": "thing",
        "mode": "give",
        "title": "Nähkästchen mit Garn",
        "description": "Gut gefüllt, zu verschenken.",
        "category": SwapCategory.objects.get(slug="haushalt").pk,
        "area": "Am Kanal",
        "handover": "Bitte über das Quartiersbüro",
    }
    data.update(overrides)
    return data


def test_the_office_enters_a_post_and_messages_reach_the_resident_through_it(
    mentor, client, smtp_server, django_capture_on_commit_callbacks
):
    response = mentor.post("/admin/swap-board/on-behalf/", on_behalf_data())
    assert response.status_code == 302
    post = SwapPost.objects.get(title="Nähkästchen mit Garn")
    assert post.state == State.PUBLISHED
    assert post.entered_by.email == DEMO_MENTOR_EMAIL
    assert post.on_behalf_note == "Anruf am Dienstag"
    assert post.resident.email is None and post.resident.phone == "030 1234567"
    detail = mentor.get(f"/admin/contributions/{post.pk}/").content.decode()
    assert "Anruf am Dienstag" in detail
    with django_capture_on_commit_callbacks(execute=True):
        client.post(post_url(post), message_data())
    (mail,) = smtp_server.messages
    assert mail.envelope_recipients == ["quartiersbuero@example.org"]
    assert mail["Reply-To"] == "tom@example.org"
    assert "Erna Schulz" in mail.get_content() and post.code in mail["Subject"]
    # The resident's name and phone stay with the office.
    assert "030 1234567" not in client.get(post_url(post)).content.decode()

    # The resident calls: "it is gone". The office presses the button for them.
    assert mentor.post(f"/admin/contributions/{post.pk}/done/").status_code == 302
    post.refresh_from_db()
    assert post.state == State.DONE
    assert "participation.office_change" in [
        entry.action for entry in ModelLogEntry.objects.filter(object_id=str(post.pk))
    ]


def test_the_office_entry_needs_a_way_to_reach_the_resident(mentor):
    response = mentor.post("/admin/swap-board/on-behalf/", on_behalf_data(phone="", email=""))
    assert response.status_code == 200
    assert not SwapPost.objects.filter(title="Nähkästchen mit Garn").exists()


def test_the_sheet_lists_every_current_post_and_no_other(client):
    html = client.get(BOARD + "aushang/").content.decode()
    public = list(SwapPost.objects.public())
    assert public
    for post in public:
        assert f"Code {post.code}" in html
    for post in SwapPost.objects.exclude(pk__in=[post.pk for post in public]):
        assert post.code not in html
    assert html.count('<svg aria-hidden="true"') == len(public)
    assert "030 23125 417" in html  # the office's phone, for people who are not online


def test_the_sheet_as_pdf(client):
    response = client.get(BOARD + "aushang/pdf/")
    if response.status_code == 503:
        pytest.skip("WeasyPrint cannot load Pango on this machine")
    assert response["Content-Type"] == "application/pdf"
    from io import BytesIO

    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    for post in SwapPost.objects.public():
        assert post.code in text


def test_the_feed_lists_new_posts(client):
    import feedparser

    feed = feedparser.parse(client.get(BOARD + "feed/").content)
    assert feed.feed.language == "de"
    titles = [entry.title for entry in feed.entries]
    assert len(titles) == SwapPost.objects.public().count()
    assert all(":" in title for title in titles)


def test_the_site_search_finds_posts_on_the_board(client):
    post = SwapPost.objects.get(title="Kinderfahrrad, 20 Zoll")
    html = client.get("/de/search/?q=Kinderfahrrad").content.decode()
    assert "Beiträge der Tauschbörse" in html
    assert f"/de/tauschboerse/{post.pk}/" in html
    expired = SwapPost.objects.get(state=State.EXPIRED)
    assert f"/de/tauschboerse/{expired.pk}/" not in client.get(f"/de/search/?q={expired.title}").content.decode()


def test_the_board_reads_a_search_as_every_search_does(client):
    """Word forms, several words ranked by how many match, and little words left out:
    "Kinderfahrräder" finds "Kinderfahrrad"; the post with both words comes first."""
    bike = SwapPost.objects.get(title="Kinderfahrrad, 20 Zoll")
    drill = SwapPost.objects.get(title="Bohrmaschine fürs Wochenende")

    def found(query):
        response = client.get("/de/tauschboerse/", {"q": query})
        assert response.status_code == 200
        return [post.pk for post in response.context["items"]]

    assert bike.pk in found("Kinderfahrräder")
    both = found("Kinderfahrrad mit Gangschaltung oder Bohrmaschine")
    assert both.index(bike.pk) < both.index(drill.pk)
    assert found("Bohrmaschine")[0] == drill.pk
