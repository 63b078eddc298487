"""An index on the pages' key as text, the form in which Wagtail's search index names
the object of an entry (object_id = id::varchar(50)): the pages' search joins its entries
to the pages on it (core.search). Wagtail's table, so not a model's Meta.indexes (the
offers have theirs there). With it, and the statistics ANALYZE gathers for the indexed
expression, PostgreSQL reads the matching entries until it has the few hundred it ranks
instead of hashing all of them first: the pages' search of a site search 19.5 -> 11.9 ms
at 100,000 offers and 7,264 pages (docs/benchmarks.md). SQLite's search, within its
target on the demo without it, is left as it is."""

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
