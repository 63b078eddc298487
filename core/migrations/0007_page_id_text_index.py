"""An index on the pages' key as text, the form in which Wagtail's search index names
the object of an entry (object_id = id::varchar(50)), on which modelsearch joins the
entries to the pages: Wagtail's search (the admin's, and the site's for the queries
core.search leaves to it). Wagtail's table, so not a model's Meta.indexes (the offers
have theirs there). core.search itself joined the pages' entries on it when this was
written (19.5 -> 11.9 ms a site search's pages at 100,000 offers and 7,264 pages,
docs/benchmarks.md); it now looks each entry's page up by its primary key instead."""

from django.db import migrations

INDEX = "core_page_id_text"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (((id)::varchar(50)))")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_search_words"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
