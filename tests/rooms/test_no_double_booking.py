"""Two residents ask for the same time at the same moment: one gets it, the other is
refused with other times, and the room is booked once. On SQLite as two processes on a
copy of the test database (the write lock is per database file); on PostgreSQL as two
threads on the test database, each with its own connection, where the room's row lock
and the exclusion constraint hold."""

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from django.db import connection, connections
from django.test import Client

from participation.models import Resident
from rooms import booking
from rooms.models import Booking, RoomRequest

from .helpers import REQUEST_URL, free_day, request_data, room

pytestmark = pytest.mark.django_db

PROJECT_DIR = Path(__file__).resolve().parents[2]
EMAILS = ["erste@example.org", "zweite@example.org"]


def make_room():
    """A house and room of its own, for a test that cannot count on the demo: a
    transactional test may run after another one emptied the database."""
    from wagtail.models import Locale

    from rooms.models import House, Room

    locale = Locale.objects.get_or_create(language_code="de")[0]
    house = House.objects.create(
        name="Wettlaufhaus", slug="wettlaufhaus", street="Weg 1", postcode="10999", town="Berlin", rules="<p>-</p>",
        locale=locale,
    )  # fmt: skip
    return Room.objects.create(house=house, name="Saal", slug="saal", capacity=10, locale=locale)


# Transactional: the copy for the processes must be taken outside the test's own
# transaction, whose write lock would keep SQLite's backup waiting.
@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite shape")
@pytest.mark.django_db(transaction=True)
def test_two_processes_asking_at_once_get_one_booking_on_sqlite(tmp_path):
    target = make_room()
    copy = tmp_path / "race.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(copy) as database:
        connection.connection.backup(database)
        # The processes' own connections would each switch the new file to WAL at once
        # (the settings' init command), and one of them would find it locked.
        database.execute("PRAGMA journal_mode=WAL")
    day = free_day().isoformat()
    start_at = time.time() + 3  # after both processes have started Django
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{copy}", "PYTHONPATH": str(PROJECT_DIR)}
    racers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.rooms.race", str(target.pk), day, str(start_at)],
            cwd=PROJECT_DIR,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    answers = []
    for racer in racers:
        out, err = racer.communicate(timeout=120)
        assert racer.returncode == 0, err[-3000:]
        answers.append(out.strip().splitlines()[-1])
    assert sorted(answers) == ["booked", "taken"]
    with sqlite3.connect(copy) as database:
        held = database.execute("SELECT COUNT(*) FROM rooms_booking WHERE room_id = ?", [target.pk]).fetchone()[0]
    assert held == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL shape")
def test_two_threads_asking_at_once_get_one_booking_on_postgresql(monkeypatch):
    checked = booking.clashes

    def slow_clashes(room_, dates):
        found = checked(room_, dates)
        time.sleep(0.5)
        return found

    monkeypatch.setattr(booking, "clashes", slow_clashes)
    day = free_day().isoformat()
    answers = []
    barrier = threading.Barrier(len(EMAILS))

    def ask(email):
        try:
            barrier.wait()
            answers.append(Client().post(REQUEST_URL, request_data(email=email, day=day)).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=ask, args=(email,)) for email in EMAILS]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        counted = {}

        def count():
            counted["held"] = Booking.objects.filter(request__title="Strickgruppe").count()
            counted["requests"] = RoomRequest.objects.filter(title="Strickgruppe").count()
            connections.close_all()

        reader = threading.Thread(target=count)
        reader.start()
        reader.join()
        assert sorted(answers) == [302, 409]
        assert counted == {"held": 1, "requests": 1}
    finally:
        # The threads committed on their own connections: clean up the same way.
        def clean():
            RoomRequest.objects.filter(resident__email__in=EMAILS).delete()
            Resident.objects.filter(email__in=EMAILS).delete()
            connections.close_all()

        cleaner = threading.Thread(target=clean)
        cleaner.start()
        cleaner.join()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's exclusion constraint")
def test_the_database_itself_refuses_an_overlap_on_postgresql():
    from django.db import IntegrityError, transaction

    target = room()
    start = booking.local(free_day(), booking.datetime.min.time().replace(hour=14))
    Booking.objects.create(room=target, starts_at=start, ends_at=start + booking.timedelta(hours=2), confirmed=True)
    with pytest.raises(IntegrityError, match="rooms_booking_no_overlap"), transaction.atomic():
        Booking.objects.create(
            room=target, starts_at=start + booking.timedelta(hours=1), ends_at=start + booking.timedelta(hours=3)
        )
    # Back to back is fine: the ranges are half-open.
    Booking.objects.create(
        room=target, starts_at=start + booking.timedelta(hours=2), ends_at=start + booking.timedelta(hours=3)
    )
