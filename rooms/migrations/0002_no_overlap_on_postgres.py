"""On PostgreSQL, the database itself refuses two overlapping bookings of one room: an
exclusion constraint over the room and the time range (with btree_gist for the room's
equality). SQLite has no such constraint; there the booking code's lock does it
(rooms/booking.py). Not in the model's Meta, because the constraint exists on one
database only."""

from django.db import migrations

CONSTRAINT = (
    "ALTER TABLE rooms_booking ADD CONSTRAINT rooms_booking_no_overlap "
    "EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)"
)


def add_constraint(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
        schema_editor.execute(CONSTRAINT)


def drop_constraint(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE rooms_booking DROP CONSTRAINT IF EXISTS rooms_booking_no_overlap")


class Migration(migrations.Migration):
    dependencies = [("rooms", "0001_initial")]

    operations = [migrations.RunPython(add_constraint, drop_constraint)]
