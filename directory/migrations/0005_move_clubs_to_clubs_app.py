# The club pages move to the new `clubs` app (clubs/migrations/0001_initial.py takes
# them over). Their rows stay where they are: the tables are renamed to the clubs app's
# names ("directory_clubpage" -> "clubs_clubpage", the categories' many-to-many table
# with them), while the models leave directory's migration state. Foreign keys follow
# the rename on both databases (PostgreSQL refers to tables by identity, SQLite >= 3.26
# rewrites the references); on PostgreSQL the id sequences are renamed too, so that
# they keep the names PostgreSQL would give them. Index and constraint names stay as
# they are, as Django's own AlterModelTable leaves them. Reversible.

from django.db import migrations

# Models whose tables move, in the order they are renamed.
MOVED = ["clubindexpage", "clubpage", "clubactivity", "volunteerrole", "clublink", "clubpagetag"]
# Tables with an id sequence (PostgreSQL), without the app prefix.
WITH_SEQUENCE = ["clubactivity", "volunteerrole", "clublink", "clubpagetag", "clubpage_categories"]


def rename_sequences(prefix):
    """Give the id sequences of the (already renamed) clubs_* tables the names of
    `prefix`: "clubs_" forwards, "directory_" backwards."""

    def rename(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor != "postgresql":
            return
        with connection.cursor() as cursor:
            for table in WITH_SEQUENCE:
                cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [f"clubs_{table}"])
                sequence = cursor.fetchone()[0]
                wanted = f"{prefix}{table}_id_seq"
                if sequence and sequence.rpartition(".")[2].strip('"') != wanted:
                    cursor.execute(f"ALTER SEQUENCE {sequence} RENAME TO {connection.ops.quote_name(wanted)}")

    return rename


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0004_club_page_image_names'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                *(migrations.AlterModelTable(name=name, table=f"clubs_{name}") for name in MOVED),
                migrations.RunPython(rename_sequences("clubs_"), rename_sequences("directory_")),
            ],
            state_operations=[
                migrations.RemoveField(
                    model_name='clubindexpage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='clublink',
                    name='page',
                ),
                migrations.RemoveField(
                    model_name='clubpage',
                    name='categories',
                ),
                migrations.RemoveField(
                    model_name='clubpage',
                    name='image',
                ),
                migrations.RemoveField(
                    model_name='clubpage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='clubpage',
                    name='tags',
                ),
                migrations.RemoveField(
                    model_name='clubpagetag',
                    name='content_object',
                ),
                migrations.RemoveField(
                    model_name='volunteerrole',
                    name='page',
                ),
                migrations.RemoveField(
                    model_name='clubpagetag',
                    name='tag',
                ),
                migrations.DeleteModel(
                    name='ClubActivity',
                ),
                migrations.DeleteModel(
                    name='ClubIndexPage',
                ),
                migrations.DeleteModel(
                    name='ClubLink',
                ),
                migrations.DeleteModel(
                    name='ClubPage',
                ),
                migrations.DeleteModel(
                    name='VolunteerRole',
                ),
                migrations.DeleteModel(
                    name='ClubPageTag',
                ),
            ],
        ),
    ]
