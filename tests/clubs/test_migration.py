"""The move of the club pages from `directory` to `clubs` keeps every row.

A round trip on the test database: club pages (the demo's and some of this test's own,
with activities, roles, links, categories, tags, revisions, a draft and an event
beneath a club) are made with today's models, the database is migrated back to just
before the move, where the rows must sit in the old tables under the old content
types, and forward again, where every id, row, revision, log entry, permission and
event must be as before and load as `clubs.ClubPage`. Runs outside a transaction (the
migrations need it on SQLite) and leaves the database migrated to the latest state.
"""

from datetime import timedelta

import pytest

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from wagtail.models import Locale, Page, Revision, Site

from clubs.models import ClubActivity, ClubIndexPage, ClubLink, ClubPage, VolunteerRole
from directory.models import Category
from news.models import EventPage

BEFORE_MOVE = [("directory", "0004_club_page_image_names")]
MOVED_MODELS = ["clubindexpage", "clubpage", "clubactivity", "volunteerrole", "clublink", "clubpagetag"]
MOVED_TABLES = [*MOVED_MODELS, "clubpage_categories"]
WITH_SEQUENCE = ["clubactivity", "volunteerrole", "clublink", "clubpagetag", "clubpage_categories"]


def migrate(targets=None):
    """Migrate to `targets`, or to the latest migrations when None."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()


def query(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return sorted(tuple(row) for row in cursor.fetchall())


def tables():
    return set(connection.introspection.table_names())


def sequence_names(prefix):
    """PostgreSQL: the names of the id sequences of the moved tables (SQLite has none)."""
    if connection.vendor != "postgresql":
        return {}
    return {
        table: query("SELECT pg_get_serial_sequence(%s, 'id')", [prefix + table])[0][0].rpartition(".")[2]
        for table in WITH_SEQUENCE
    }


# Columns that later migrations added (clubs 0002 and on): not part of what moved.
ADDED_AFTER_THE_MOVE = {"valid_until", "created_at"}


def columns_of(table):
    """SELECT of the columns the table had when it moved, in order, sorted by the first."""
    with connection.cursor() as cursor:
        names = [column.name for column in connection.introspection.get_table_description(cursor, table)]
    # Table and column names cannot be query parameters; they come from the schema.
    listed = ", ".join(connection.ops.quote_name(name) for name in names if name not in ADDED_AFTER_THE_MOVE)
    return f"SELECT {listed} FROM {connection.ops.quote_name(table)} ORDER BY 1"  # noqa: S608


def content_type_ids(app_label):
    rows = query("SELECT model, id FROM django_content_type WHERE app_label = %s", [app_label])
    return {model: pk for model, pk in rows if model in MOVED_MODELS}


def of_club_types(rows, type_ids):
    """`rows` whose third column is one of the club content types."""
    return [row for row in rows if row[2] in type_ids.values()]


def snapshot(prefix, app_label):
    """Everything about the club pages, read with SQL so that it works in both states."""
    type_ids = content_type_ids(app_label)
    assert set(type_ids) == set(MOVED_MODELS)
    return {
        "content types": type_ids,
        "rows": {table: query(columns_of(prefix + table)) for table in MOVED_TABLES},
        "pages": of_club_types(query("SELECT id, path, content_type_id, title, live FROM wagtailcore_page"), type_ids),
        "revisions": of_club_types(
            query("SELECT id, object_id, content_type_id, base_content_type_id FROM wagtailcore_revision"), type_ids
        ),
        "log entries": of_club_types(
            query("SELECT id, page_id, content_type_id, action FROM wagtailcore_pagelogentry"), type_ids
        ),
        "permissions": of_club_types(query("SELECT id, codename, content_type_id FROM auth_permission"), type_ids),
        "events below clubs": query(
            "SELECT child.id, child.content_type_id, parent.id FROM wagtailcore_page child "
            "JOIN wagtailcore_page parent ON child.path LIKE parent.path || '%%' AND child.depth = parent.depth + 1 "
            "WHERE parent.content_type_id = %s ORDER BY child.id",
            [type_ids["clubpage"]],
        ),
    }


def make_clubs():
    """An index of its own with two clubs: activities, roles, links, a category, tags,
    a published and a draft revision each, and an event beneath the first."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = ClubIndexPage(title="Vereine im Umzug", slug="vereine-im-umzug", intro="Vor und nach dem Umzug.")
    home.add_child(instance=index)
    index.save_revision().publish()
    category = Category.objects.create(
        slug="umzug", name="Umzug", short_label="Umzug", sort_order=99, locale=Locale.get_default()
    )
    clubs = []
    for number in range(2):
        club = ClubPage(
            title=f"Umzugsverein {number}",
            slug=f"umzugsverein-{number}",
            summary="Wir ziehen um und bleiben.",
            activities=[ClubActivity(title="Kistenpacken", when="Dienstag 18 Uhr")],
            volunteer_roles=[VolunteerRole(title="Kassenwart", description="Zahlen prüfen.")],
            links=[ClubLink(title="Website", url=f"https://umzug-{number}.example/")],
        )
        index.add_child(instance=club)
        club.categories.set([category])
        club.tags.set(["Umzug", f"Verein {number}"])
        club.save_revision().publish()
        club.summary = "Ein Entwurf, noch nicht freigegeben."
        club.save_revision()
        clubs.append(club)
    event = EventPage(
        title="Einzugsfest",
        slug="einzugsfest",
        teaser="Wir feiern das neue Zuhause.",
        start=timezone.now() + timedelta(days=7),
    )
    clubs[0].add_child(instance=event)
    event.save_revision().publish()
    return clubs, event


@pytest.mark.django_db(transaction=True)
def test_moving_the_club_tables_keeps_every_row_both_ways():
    clubs, event = make_clubs()
    moved = snapshot("clubs_", "clubs")
    assert len(moved["pages"]) >= 3 and moved["rows"]["clubactivity"] and moved["rows"]["clubpage_categories"]
    assert len(moved["revisions"]) >= 2 * len(clubs) and moved["log entries"] and moved["permissions"]
    assert (event.pk, ContentType.objects.get_for_model(EventPage).pk, clubs[0].pk) in moved["events below clubs"]
    last_activity = max(ClubActivity.objects.values_list("pk", flat=True))

    try:
        migrate(BEFORE_MOVE)
        assert {f"directory_{table}" for table in MOVED_TABLES} <= tables()
        assert not {f"clubs_{table}" for table in MOVED_TABLES} & tables()
        before = snapshot("directory_", "directory")
        assert before == moved, "the rows, under the same content type ids, sit in directory's tables"
        assert not content_type_ids("clubs")
        assert sequence_names("directory_") in ({}, {table: f"directory_{table}_id_seq" for table in WITH_SEQUENCE})
        assert query(
            "SELECT ct.app_label, ct.model FROM wagtailcore_page p "
            "JOIN django_content_type ct ON ct.id = p.content_type_id WHERE p.id = %s",
            [clubs[0].pk],
        ) == [("directory", "clubpage")]
    finally:
        migrate()

    assert {f"clubs_{table}" for table in MOVED_TABLES} <= tables()
    assert not {f"directory_{table}" for table in MOVED_TABLES} & tables()
    assert snapshot("clubs_", "clubs") == moved
    assert not content_type_ids("directory")
    assert sequence_names("clubs_") in ({}, {table: f"clubs_{table}_id_seq" for table in WITH_SEQUENCE})

    club_type = ContentType.objects.get_for_model(ClubPage)
    assert (club_type.app_label, club_type.pk) == ("clubs", moved["content types"]["clubpage"])
    for club in clubs:
        page = Page.objects.get(pk=club.pk).specific
        assert type(page) is ClubPage and page.title == club.title
        assert [a.title for a in page.activities.all()] == ["Kistenpacken"]
        assert [r.title for r in page.volunteer_roles.all()] == ["Kassenwart"]
        assert [link.url for link in page.links.all()] == [club.links.first().url]
        assert [c.slug for c in page.categories.all()] == ["umzug"]
        assert sorted(page.tags.names()) == sorted(["Umzug", club.title.replace("Umzugsverein", "Verein")])
        revisions = Revision.objects.filter(object_id=str(club.pk), content_type=club_type).order_by("pk")
        assert revisions.count() == 2
        assert type(revisions.last().as_object()) is ClubPage
        assert revisions.last().as_object().summary == "Ein Entwurf, noch nicht freigegeben."
        assert page.has_unpublished_changes
    moved_event = EventPage.objects.with_parent().get(pk=event.pk)
    assert type(moved_event.get_parent().specific) is ClubPage
    assert moved_event.organiser["name"] == clubs[0].title
    assert [e.pk for _date, e in Page.objects.get(pk=clubs[0].pk).specific.upcoming_events()] == [event.pk]
    # The id sequences go on where they were (PostgreSQL keeps them with the tables).
    added = ClubActivity.objects.create(page_id=clubs[1].pk, title="Neu nach dem Umzug")
    assert added.pk > last_activity
