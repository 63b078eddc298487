"""An index on the pages' key as text, the form in which Wagtail's search index names
the object of an entry (object_id = id::varchar(50)), on which modelsearch joins the
entries to the pages: Wagtail's search (the admin's, and the site's for the queries
core.search leaves to it). Wagtail's table, so not a model's Meta.indexes (the offers
have theirs there): the pages' first 20 for "Garten" at 7,264 pages 32-41 -> 27-31 ms.
core.search looks each entry's page up by its primary key instead (docs/benchmarks.md)."""

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
