"""What residents see: the club index with filter and search, "Ehrenamt finden", a
club page with its events, and the same number of queries for 5 or 100 clubs."""

import pytest

from clubs.models import ClubPage, VolunteerRole
from directory.models import Category
from tests.queries import count_fresh_queries

from .helpers import CLUBS, VOLUNTEERING, add_clubs, club, club_index

MAX_QUERIES = 30


def names(response):
    return [page.title for page in response.context["clubs"]]


@pytest.mark.django_db
def test_index_lists_the_demo_clubs(client):
    response = client.get(CLUBS)
    assert response.status_code == 200
    assert len(names(response)) == 8
    assert "Lindenchor" in names(response)
    assert 'href="/de/vereine/ehrenamt/"' in response.content.decode()


@pytest.mark.django_db
def test_filter_by_category(client):
    response = client.get(CLUBS, {"category": "umwelt"})
    assert sorted(names(response)) == ["Gemeinschaftsgarten Lindenbeet", "Repair-Café Lindenkiez"]


@pytest.mark.django_db
def test_search_finds_an_activity_not_only_a_name(client):
    response = client.get(CLUBS, {"q": "Sprachcafé"})
    assert names(response) == ["Willkommen im Kiez"]


@pytest.mark.django_db
def test_search_and_category_together(client):
    assert names(client.get(CLUBS, {"q": "Chor", "category": "sport"})) == []
    assert names(client.get(CLUBS, {"q": "Chor", "category": "kultur"})) == ["Lindenchor"]


@pytest.mark.django_db
def test_drafts_are_not_listed(client):
    page = club("lindenchor")
    page.unpublish()
    assert "Lindenchor" not in names(client.get(CLUBS))
    assert client.get("/de/vereine/lindenchor/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"category": "gibt-es-nicht"},
        {"page": "abc"},
        {"page": "-1"},
        {"page": "99999999999999"},
        {"q": "x" * 500},
        {"q": "\x00"},
        {"q": '"AND OR ('},
    ],
)
def test_bad_parameters_never_fail(client, query):
    assert client.get(CLUBS, query).status_code == 200
    assert client.get(VOLUNTEERING, query).status_code == 200


@pytest.mark.django_db
def test_volunteering_lists_open_roles_across_clubs(client):
    response = client.get(VOLUNTEERING)
    titles = [role.title for role in response.context["roles"]]
    assert "Patenschaft" in titles and "Notenwart" in titles
    role = VolunteerRole.objects.get(title="Notenwart")
    role.is_open = False
    role.save()
    titles = [role.title for role in client.get(VOLUNTEERING).context["roles"]]
    assert "Notenwart" not in titles


@pytest.mark.django_db
def test_club_page_shows_profile_roles_and_upcoming_events(client):
    response = client.get("/de/vereine/sv-lindenkiez/")
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Kinderfußball",
        "Dienstag 17–19 Uhr",
        "Sportplatz Lindenpark",
        "Trainerin oder Trainer",
        "Sommerfest",
    ):
        assert text in html
    assert [event.title for _date, event in response.context["upcoming"]] == ["Sommerfest des SV Lindenkiez"]


@pytest.mark.django_db
def test_club_event_is_in_the_calendar_and_names_the_club(client):
    event = client.get("/de/vereine/sv-lindenkiez/sommerfest-sv/").content.decode()
    assert '<a href="/de/vereine/sv-lindenkiez/">SV Lindenkiez 1921 e. V.</a>' in event
    from news.models import EventIndexPage

    calendar = EventIndexPage.objects.live().first()
    assert "Sommerfest des SV Lindenkiez" in [event.title for event in calendar.events()]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [CLUBS, CLUBS + "?category=sport", CLUBS + "?q=Verein", VOLUNTEERING, "/de/vereine/sv-lindenkiez/"],
)
def test_query_count_does_not_grow_with_clubs(client, path):
    sport = Category.objects.get(slug="sport")
    add_clubs(5, categories=[sport])
    few = count_fresh_queries(client, path)
    add_clubs(95, start=5, categories=[sport])
    many = count_fresh_queries(client, path)
    assert few == many, (path, few, many)
    assert many <= MAX_QUERIES


@pytest.mark.django_db
def test_a_club_page_shows_a_published_change_at_once(client):
    path = "/de/vereine/sv-lindenkiez/"
    assert "Walking-Fußball für Ältere" not in client.get(path).content.decode()
    page = club("sv-lindenkiez")
    page.activities.create(title="Walking-Fußball für Ältere", when="Freitag 10 Uhr")
    page.save_revision().publish()
    assert "Walking-Fußball für Ältere" in client.get(path).content.decode()


@pytest.mark.django_db
def test_a_published_club_is_counted_at_once(client):
    before = client.get(CLUBS, {"page": "1"}).context["clubs"].paginator.count
    page = ClubPage(title="Boulefreunde", slug="boulefreunde", summary="Boule im Park.", live=False)
    club_index().add_child(instance=page)
    page.save_revision().publish()
    response = client.get(CLUBS, {"page": "1"})
    assert response.context["clubs"].paginator.count == before + 1
